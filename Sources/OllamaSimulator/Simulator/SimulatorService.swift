import Foundation
import OllamaKit

/// Ollama's REST API over the scenario's models: routing, and the answers every handler shares.
final class SimulatorService: Sendable {
    let scenario: Scenario
    let store: ModelStore
    let slots: GenerationSlots
    let stop: StopSignal

    init(scenario: Scenario, stop: StopSignal) {
        self.scenario = scenario
        self.store = ModelStore(scenario: scenario)
        self.slots = GenerationSlots(limit: scenario.numParallel, maxLoadedModels: scenario.maxLoadedModels)
        self.stop = stop
    }

    private typealias Handler = @Sendable (SimulatorService) -> (HTTPRequest, HTTPResponseWriter) -> Void

    /// The routes of Ollama's `server/routes.go` the simulator serves, by path and then method.
    private static let routes: [String: [String: Handler]] = [
        "/": ["GET": { $0.running }, "HEAD": { $0.running }],
        "/api/version": ["GET": { $0.version }, "HEAD": { $0.version }],
        "/api/tags": ["GET": { $0.tags }, "HEAD": { $0.tags }],
        "/api/ps": ["GET": { $0.processes }],
        "/api/show": ["POST": { $0.show }],
        "/api/generate": ["POST": { $0.generate }],
        "/api/chat": ["POST": { $0.chat }],
        "/api/create": ["POST": { $0.create }],
        "/api/pull": ["POST": { $0.pull }],
        "/api/copy": ["POST": { $0.copy }],
        "/api/delete": ["DELETE": { $0.delete }],
    ]

    /// Answers one request; unknown paths get gin's plain-text 404, known paths with another method its 405.
    func handle(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        slots.countRequest()
        guard let methods = Self.routes[request.path] else {
            return sendText("404 page not found", status: 404, writer)
        }
        guard let handler = methods[request.method] else {
            return sendText("405 method not allowed", status: 405, writer)
        }
        handler(self)(request, writer)
    }

    private func running(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        sendText("Ollama is running", status: 200, writer)
    }

    // MARK: Shared answers

    /// Sends `value` as Go's `c.JSON` does: compact JSON, `application/json; charset=utf-8`.
    func sendJSON<Value: Encodable>(_ value: Value, status: Int = 200, contentType: String = HTTPResponseWriter.ContentType.json, _ writer: HTTPResponseWriter) {
        try? writer.send(status: status, contentType: contentType, body: Self.encode(value))
    }

    /// Sends Ollama's error body `{"error": message}`.
    func sendError(_ message: String, status: Int, contentType: String = HTTPResponseWriter.ContentType.json, _ writer: HTTPResponseWriter) {
        sendJSON(ErrorResponse(error: message), status: status, contentType: contentType, writer)
    }

    /// Sends progress objects as an NDJSON stream, or only the last one (or the failure, as a 500) when not
    /// streaming, as Ollama's `streamResponse` and `waitForStream` do; the latter sets a bare
    /// "application/json" before gin's `c.JSON` would add the charset.
    func sendProgress(_ statuses: [ProgressResponse], failure: String?, stream: Bool, _ writer: HTTPResponseWriter) {
        guard stream else {
            if let failure { return sendError(failure, status: 500, contentType: "application/json", writer) }
            return sendJSON(statuses.last, contentType: "application/json", writer)
        }
        do {
            try writer.startStream(status: 200, contentType: HTTPResponseWriter.ContentType.ndjson)
            for status in statuses { try writer.writeChunk(Self.line(status)) }
            if let failure { try writer.writeChunk(Self.line(ErrorResponse(error: failure))) }
            try writer.endStream()
        } catch {
            writer.abort()
        }
    }

    /// Sends 200 with no body, as Ollama's copy and delete do.
    func sendEmpty(_ writer: HTTPResponseWriter) {
        try? writer.send(status: 200, contentType: nil, body: [])
    }

    func sendText(_ text: String, status: Int, _ writer: HTTPResponseWriter) {
        try? writer.send(status: status, contentType: HTTPResponseWriter.ContentType.text, body: Array(text.utf8))
    }

    /// The request body decoded like gin's `ShouldBindJSON`, or `nil` after answering 400 with Go's message.
    func decode<Request: Decodable>(_ type: Request.Type, goType: String, _ request: HTTPRequest, _ writer: HTTPResponseWriter) -> Request? {
        switch GoRequestDecoding.decode(type, from: request.body, goType: goType) {
        case .success(let value):
            return value
        case .failure(let failure):
            sendError(failure.message, status: 400, writer)
            return nil
        }
    }

    /// Compact JSON with slashes unescaped, as Go writes it; keys sorted so answers are byte-for-byte reproducible.
    static func encode<Value: Encodable>(_ value: Value) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }

    /// One line of an NDJSON stream.
    static func line<Value: Encodable>(_ value: Value) -> [UInt8] {
        encode(value) + [0x0A]
    }
}
