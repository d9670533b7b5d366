import Foundation
import OllamaKit

/// `POST /api/generate` and `POST /api/chat`: queueing, loading, faults, and streamed or whole answers.
extension SimulatorService {
    /// One accepted generate or chat request.
    struct Inference {
        var model: StoredModel
        /// The name as the client wrote it; Ollama echoes it in every object.
        var requestedName: String
        var prompt: String
        var system: String?
        var stream: Bool
        var keepAlive: Double
        /// A chat answers with messages; a generate with response text and token ids (`context`).
        var isChat: Bool
    }

    func generate(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard let body = decode(GenerateRequest.self, goType: "api.GenerateRequest", request, writer) else { return }
        // routes.go: an invalid or unknown name is 404 "model '…' not found" here, even when empty.
        guard let model = store.find(body.model) else {
            return sendError("model '\(body.model)' not found", status: 404, writer)
        }
        guard let keepAlive = keepAliveSeconds(body.keepAlive, writer) else { return }
        let call = Inference(
            model: model, requestedName: body.model, prompt: body.prompt ?? "", system: body.system ?? model.spec.modelfile.system,
            stream: body.stream ?? true, keepAlive: keepAlive, isChat: false)
        answer(call, loadOnly: call.prompt.isEmpty, writer)
    }

    func chat(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard let body = decode(ChatRequest.self, goType: "api.ChatRequest", request, writer) else { return }
        guard (try? ModelName(body.model)) != nil else {
            return sendError("model is required", status: 400, writer)
        }
        guard let model = store.find(body.model) else {
            return sendError("model '\(body.model)' not found", status: 404, writer)
        }
        guard let keepAlive = keepAliveSeconds(body.keepAlive, writer) else { return }
        let system = body.messages.last { $0.role == "system" }?.content ?? model.spec.modelfile.system
        let call = Inference(
            model: model, requestedName: body.model, prompt: body.messages.last { $0.role == "user" }?.content ?? "",
            system: system, stream: body.stream ?? true, keepAlive: keepAlive, isChat: true)
        answer(call, loadOnly: body.messages.isEmpty, writer)
    }

    private func keepAliveSeconds(_ keepAlive: KeepAlive?, _ writer: HTTPResponseWriter) -> Double? {
        do {
            return try keepAlive?.seconds() ?? ModelStore.defaultKeepAlive
        } catch let error as GoDurationError {
            sendError(error.message, status: 400, writer)
        } catch {
            sendError("\(error)", status: 400, writer)
        }
        return nil
    }

    private func answer(_ call: Inference, loadOnly: Bool, _ writer: HTTPResponseWriter) {
        if loadOnly && call.keepAlive == 0 {
            slots.unload(call.model.name)
            return sendJSON(finalObject(call, text: "", reason: "unload", context: nil, metrics: Metrics()), writer)
        }
        let start = Date()
        guard let admission = slots.acquire(call.model.name, keepAlive: call.keepAlive, unless: stop) else { return writer.abort() }
        defer { slots.release(call.model.name) }
        // Only the request that loads the model reports a load_duration: the time the load took.
        var loadSeconds: TimeInterval = 0
        if admission.loads {
            let loadStart = Date()
            guard stop.sleep(call.model.spec.behaviour.loadDuration) else { return writer.abort() }
            slots.finishLoading(call.model.name)
            loadSeconds = Date().timeIntervalSince(loadStart)
        }
        if loadOnly {
            // routes.go answers a load without metrics: {"model", "created_at", "response": "", "done": true, "done_reason": "load"}.
            return sendJSON(finalObject(call, text: "", reason: "load", context: nil, metrics: Metrics()), writer)
        }
        let loaded = Date()
        let plan = GenerationPlan(
            behaviour: call.model.spec.behaviour, seed: scenario.seed, model: call.model.name.fullyQualified,
            prompt: call.prompt, system: call.system, occurrence: store.nextOccurrence(of: call.model, prompt: call.prompt),
            request: store.nextRequest(of: call.model))
        switch plan.outcome {
        case .fail(let status, let message):
            return sendError(message, status: status, writer)
        case .hang:
            while !writer.peerClosed(), stop.sleep(0.02) {}
            return writer.abort()
        case .answer, .truncate:
            guard stop.sleep(plan.latency) else { return writer.abort() }
            do {
                try produce(call, plan: plan, start: start, loaded: loaded, loadSeconds: loadSeconds, writer)
            } catch {
                writer.abort()
            }
        }
    }

    /// Sends the tokens at the behaviour's speed, streamed or as one object, cut short for `.truncate`.
    private func produce(
        _ call: Inference, plan: GenerationPlan, start: Date, loaded: Date, loadSeconds: TimeInterval, _ writer: HTTPResponseWriter
    ) throws {
        let evalStart = Date()
        let interval = call.model.spec.behaviour.tokensPerSecond.map { 1 / $0 } ?? 0
        var cut: Int?
        if case .truncate(let after) = plan.outcome { cut = after }
        if call.stream {
            try writer.startStream(status: 200, contentType: HTTPResponseWriter.ContentType.ndjson)
        }
        for (index, token) in plan.tokens.enumerated() {
            if index == cut { break }
            if index > 0, !stop.sleep(interval) { return writer.abort() }
            if call.stream { try writer.writeChunk(Self.line(chunk(call, token))) }
        }
        // A degraded model (its latency already slowed in the plan) holds the end of its answer for the rest of
        // the slowdown, measured on the tokens as actually sent: the whole answer takes `slowdown` times as long
        // as it would have, whatever the per-token overhead.
        if plan.slowdown > 1, cut == nil, !stop.sleep((plan.slowdown - 1) * Date().timeIntervalSince(evalStart)) {
            return writer.abort()
        }
        let end = Date()
        let metrics = Metrics(
            totalDuration: nanoseconds(end.timeIntervalSince(start)), loadDuration: nanoseconds(loadSeconds),
            promptEvalCount: plan.promptTokens, promptEvalDuration: nanoseconds(evalStart.timeIntervalSince(loaded)),
            evalCount: plan.tokens.count, evalDuration: nanoseconds(end.timeIntervalSince(evalStart)))
        let context = GenerationPlan.contextTokens(GenerationPlan.tokenize(call.prompt) + plan.tokens)
        if call.stream {
            if cut != nil { return writer.abort() }
            try writer.writeChunk(Self.line(finalObject(call, text: "", reason: "stop", context: context, metrics: metrics)))
            try writer.endStream()
        } else {
            let body = Self.encode(finalObject(call, text: plan.tokens.joined(), reason: "stop", context: context, metrics: metrics))
            if cut != nil {
                return writer.sendTruncated(status: 200, contentType: HTTPResponseWriter.ContentType.json, body: body, sentCount: body.count / 2)
            }
            try writer.send(status: 200, contentType: HTTPResponseWriter.ContentType.json, body: body)
        }
    }

    /// A streamed piece of the answer.
    private func chunk(_ call: Inference, _ token: String) -> AnyEncodable {
        call.isChat
            ? AnyEncodable(ChatResponse(model: call.requestedName, createdAt: Date(), message: .assistant(token), done: false))
            : AnyEncodable(GenerateResponse(model: call.requestedName, createdAt: Date(), response: token, done: false))
    }

    /// The object with `done: true`: the last line of a stream, or the whole answer.
    private func finalObject(_ call: Inference, text: String, reason: String, context: [Int]?, metrics: Metrics) -> AnyEncodable {
        call.isChat
            ? AnyEncodable(ChatResponse(
                model: call.requestedName, createdAt: Date(), message: .assistant(text), done: true, doneReason: reason,
                metrics: metrics))
            : AnyEncodable(GenerateResponse(
                model: call.requestedName, createdAt: Date(), response: text, done: true, doneReason: reason, context: context,
                metrics: metrics))
    }

    private func nanoseconds(_ seconds: TimeInterval) -> Int64? {
        let value = Int64(seconds * 1e9)
        return value > 0 ? value : nil
    }
}

/// A generate or chat object, so one code path can send either.
struct AnyEncodable: Encodable {
    private let encodeValue: (any Encoder) throws -> Void

    init<Value: Encodable>(_ value: Value) {
        encodeValue = value.encode
    }

    func encode(to encoder: any Encoder) throws {
        try encodeValue(encoder)
    }
}
