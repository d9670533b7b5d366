import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A streamed object type and the test that says it is the last one of its stream.
protocol StreamChunk: Decodable, Sendable {
    var isFinal: Bool { get }
}

extension GenerateResponse: StreamChunk {
    var isFinal: Bool { done }
}

extension ChatResponse: StreamChunk {
    var isFinal: Bool { done }
}

extension ProgressResponse: StreamChunk {
    var isFinal: Bool { isSuccess }
}

extension OllamaClient {
    /// One request: what to send, which model it is about (to recognise "model not found"), how long it may take.
    struct Call: Sendable {
        let method: String
        let path: String
        let body: (any Encodable & Sendable)?
        let model: String?
        let timeout: Duration?

        init(method: String, path: String, body: (any Encodable & Sendable)? = nil, model: String? = nil, timeout: Duration?) {
            self.method = method
            self.path = path
            self.body = body
            self.model = model
            self.timeout = timeout
        }
    }

    /// "POST http://127.0.0.1:11434/api/generate", for messages.
    func endpoint(_ call: Call) -> String {
        "\(call.method) \(OllamaHost.redacted(configuration.url(for: call.path).absoluteString))"
    }

    /// Sends `call` (retrying transient failures) and returns the whole body of a 2xx answer.
    /// - Throws: `.responseTooLarge` once the body passes `configuration.maxResponseBytes`.
    func send(_ call: Call) async throws -> Data {
        try await withRetries(call) { responded in
            var status = 0
            var body = Data()
            for try await event in try open(call) {
                responded = true
                switch event {
                case .head(let code): status = code
                case .body(let data):
                    try checkSize(body.count + data.count, configuration.maxResponseBytes, "the answer", of: call)
                    body.append(data)
                }
            }
            try Task.checkCancellation()
            try checkStatus(status, body: body, of: call)
            return body
        }
    }

    /// Sends `call` and decodes its 2xx answer as one JSON object.
    func decode<Answer: Decodable>(_ call: Call) async throws -> Answer {
        let body = try await send(call)
        return try decodeJSON(Answer.self, from: body, what: "the answer to \(endpoint(call))")
    }

    /// Sends `call` and yields each NDJSON object of its answer as it arrives.
    ///
    /// The stream fails with `.streamError` on an `{"error": …}` line and with `.streamEndedEarly` when it
    /// closes before a final object. Ending the iteration early cancels the request.
    func stream<Chunk: StreamChunk>(_ call: Call) -> AsyncThrowingStream<Chunk, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await readStream(call) { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private func readStream<Chunk: StreamChunk>(_ call: Call, yield: (Chunk) -> Void) async throws {
        try await withRetries(call) { responded in
            var status = 0
            var received = 0
            var errorBody = Data()
            var splitter = NDJSONLineSplitter()
            var sawFinal = false
            func emit(_ line: Data) throws {
                try checkSize(line.count, configuration.maxLineBytes, "a line of the stream", of: call)
                if let failure = try? JSONDecoder().decode(ErrorResponse.self, from: line) {
                    throw OllamaError.streamError(endpoint: endpoint(call), message: failure.error)
                }
                let chunk = try decodeJSON(Chunk.self, from: line, what: "a line of the stream for \(endpoint(call))")
                sawFinal = sawFinal || chunk.isFinal
                yield(chunk)
            }
            for try await event in try open(call) {
                responded = true
                switch event {
                case .head(let code):
                    status = code
                case .body(let data):
                    received += data.count
                    try checkSize(received, configuration.maxResponseBytes, "the stream", of: call)
                    guard (200..<300).contains(status) else {
                        errorBody.append(data)
                        continue
                    }
                    for line in splitter.append(data) { try emit(line) }
                    try checkSize(splitter.pendingByteCount, configuration.maxLineBytes, "a line of the stream", of: call)
                }
            }
            try Task.checkCancellation()
            try checkStatus(status, body: errorBody, of: call)
            if let line = splitter.finish() { try emit(line) }
            guard sawFinal else { throw OllamaError.streamEndedEarly(endpoint: endpoint(call)) }
        }
    }

    /// Throws `.responseTooLarge` when `count` bytes of `what` pass `limit`.
    private func checkSize(_ count: Int, _ limit: Int, _ what: String, of call: Call) throws {
        guard count > limit else { return }
        throw OllamaError.responseTooLarge(endpoint: endpoint(call), what: what, limit: limit)
    }

    private func open(_ call: Call) throws -> AsyncThrowingStream<TransferEvent, any Error> {
        var request = URLRequest(url: configuration.url(for: call.path))
        request.httpMethod = call.method
        if let authorization = configuration.authorization {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        }
        request.setValue("application/x-ndjson, application/json", forHTTPHeaderField: "Accept")
        if let body = call.body {
            do {
                request.httpBody = try JSONEncoder().encode(body)
            } catch {
                throw OllamaError.undecodable(
                    what: "the request body for \(endpoint(call))", reason: Self.reason(error), excerpt: "")
            }
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let target = TransferTarget(
            host: configuration.redactedHost, endpoint: endpoint(call),
            connectTimeout: configuration.connectTimeout, requestTimeout: call.timeout ?? configuration.requestTimeout)
        return HTTPTransfer.start(request, target: target)
    }

    /// Throws the error a non-2xx answer stands for, reading Ollama's `{"error": …}` body.
    private func checkStatus(_ status: Int, body: Data, of call: Call) throws {
        guard !(200..<300).contains(status) else { return }
        let message = (try? JSONDecoder().decode(ErrorResponse.self, from: body))?.error
        if status == 404, let message, message.contains("not found"), let model = call.model {
            throw OllamaError.modelNotFound(model: model, message: message)
        }
        let excerpt = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        throw OllamaError.httpStatus(
            endpoint: endpoint(call), status: status, message: message ?? (excerpt.isEmpty ? "(empty body)" : excerpt))
    }

    private func decodeJSON<Value: Decodable>(_ type: Value.Type, from data: Data, what: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw OllamaError.undecodable(
                what: what, reason: Self.reason(error), excerpt: String(decoding: data.prefix(200), as: UTF8.self))
        }
    }

    /// A short account of a coding error: which key, and what was wrong with it.
    static func reason(_ error: any Error) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context):
            return "the key '\(path(context.codingPath + [key]))' is missing"
        case .valueNotFound(_, let context):
            return "'\(path(context.codingPath))' is null"
        case .typeMismatch(let type, let context):
            return "'\(path(context.codingPath))' is not of type \(type)"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "it is not valid JSON"
        case .dataCorrupted(let context):
            return "'\(path(context.codingPath))' is malformed (\(context.debugDescription))"
        default:
            return String(describing: error)
        }
    }
}
