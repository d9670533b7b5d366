import Foundation
import HTTPTestSupport
import OllamaSimulator
import Testing
@testable import OllamaKit

@Suite("Client failures are typed and described")
struct ClientErrorTests {
    typealias Server = CannedHTTPServer

    private func client(_ server: Server, requestTimeout: Duration = .seconds(30)) -> OllamaClient {
        OllamaClient(.init(baseURL: server.baseURL, connectTimeout: .seconds(5), requestTimeout: requestTimeout))
    }

    private static let generate = GenerateRequest(model: "louisville_expert_v3", prompt: "Hi")

    /// Collects a stream, returning the chunks received before it ended and the error it ended with.
    private func drain<T: Sendable>(_ stream: AsyncThrowingStream<T, any Error>) async -> ([T], (any Error)?) {
        var chunks: [T] = []
        do {
            for try await chunk in stream { chunks.append(chunk) }
            return (chunks, nil)
        } catch {
            return (chunks, error)
        }
    }

    @Test func `a closed port is unreachable, with a hint to start Ollama`() async throws {
        let port = try Server.closedPort()
        let client = OllamaClient(.init(baseURL: URL(string: "http://127.0.0.1:\(port)")!))
        let error = await #expect(throws: OllamaError.self) { try await client.version() }
        #expect(error == .unreachable(host: "http://127.0.0.1:\(port)", reason: "connection refused"))
        #expect(error?.isUnreachable == true)
        #expect(error?.isServiceFailure == true)
        #expect(error?.description == "Ollama is not reachable at http://127.0.0.1:\(port) (connection refused). "
            + "Start it with 'ollama serve' or set OLLAMA_HOST.")
    }

    @Test func `a server whose accept queue is full times out while connecting`() async throws {
        // With a backlog of 0 and one connection already queued, Linux drops further SYNs: connect hangs.
        let (listener, port) = try Server.listen(backlog: 0)
        defer { listener.close() }
        let filler = try Socket.connected(port: port)
        defer { filler.close() }
        try await Self.waitUntilQueued(listener)
        let client = OllamaClient(.init(
            baseURL: URL(string: "http://127.0.0.1:\(port)")!, connectTimeout: .milliseconds(300), requestTimeout: .seconds(30)))
        let error = await #expect(throws: OllamaError.self) {
            try await client.show(ShowRequest(model: "x"))
        }
        #expect(error == .connectTimedOut(host: "http://127.0.0.1:\(port)", after: .milliseconds(300)))
        #expect(error?.isTimeout == true)
        #expect(error?.description == "Ollama at http://127.0.0.1:\(port) did not accept a connection or start "
            + "answering within 0.3 s. Check the host and port, and that no firewall drops the connection.")
    }

    /// Waits (up to 5 s) until `listener`'s accept queue holds a connection where the platform tells: `connect`
    /// returns before the server queues the connection, and until it does the client's SYN is not yet dropped.
    private static func waitUntilQueued(_ listener: Socket) async throws {
        guard listener.queuedConnections() != nil else { return }
        for _ in 0..<500 where listener.queuedConnections() == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try #require(listener.queuedConnections() == 1, "the filler connection never reached the accept queue")
    }

    @Test func `a server that accepts a request but never answers times out the request`() async throws {
        try await Server.with([.hang]) { server in
            let error = await #expect(throws: OllamaError.self) {
                try await client(server).generate(Self.generate, timeout: .milliseconds(400))
            }
            #expect(error == .requestTimedOut(endpoint: "POST \(server.baseURL)/api/generate", after: .milliseconds(400)))
            #expect(error?.isTimeout == true)
            #expect(error?.isUnreachable == false)
        }
    }

    @Test func `an error status carries Ollama's message`() async throws {
        try await Server.with([.send(Server.response("500 Internal Server Error", body: #"{"error":"llama runner process has terminated"}"#))]) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).listModels() }
            #expect(error == .httpStatus(endpoint: "GET \(server.baseURL)/api/tags", status: 500, message: "llama runner process has terminated"))
            #expect(error?.httpStatus == 500)
            #expect(error?.description == "Ollama answered GET \(server.baseURL)/api/tags with HTTP 500: llama runner process has terminated")
        }
    }

    @Test func `an error status without a JSON body carries an excerpt of the body`() async throws {
        try await Server.with([.send(Server.response("404 Not Found", contentType: "text/plain", body: "404 page not found"))]) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).show(ShowRequest(model: "x")) }
            // A router's 404 is not a missing model, even though it says "not found".
            #expect(error == .httpStatus(endpoint: "POST \(server.baseURL)/api/show", status: 404, message: "404 page not found"))
        }
    }

    @Test func `a 404 naming the model is a missing model`() async throws {
        let body = try String(decoding: Fixtures.data("error-model-not-found.json"), as: UTF8.self)
        try await Server.with([.send(Server.response("404 Not Found", body: body))]) { server in
            let error = await #expect(throws: OllamaError.self) {
                try await client(server).chat(ChatRequest(model: "llama3.2", messages: [.user("Hi")]))
            }
            #expect(error == .modelNotFound(model: "llama3.2", message: "model 'llama3.2' not found"))
            #expect(error?.isModelNotFound == true)
            #expect(error?.isServiceFailure == false)
            #expect(error?.description == "Model 'llama3.2' is not available in Ollama (model 'llama3.2' not found). "
                + "Create it or pull it, e.g. 'ollama pull llama3.2'.")
        }
    }

    @Test func `an answer that is not the expected JSON is undecodable, with an excerpt`() async throws {
        try await Server.with([.send(Server.response("200 OK", body: "<html>proxy login</html>"))]) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).listModels() }
            #expect(error == .undecodable(
                what: "the answer to GET \(server.baseURL)/api/tags", reason: "it is not valid JSON",
                excerpt: "<html>proxy login</html>"))
        }
        try await Server.with([.send(Server.response("200 OK", body: #"{"models":[{"name":"x"}]}"#))]) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).listModels() }
            #expect(error == .undecodable(
                what: "the answer to GET \(server.baseURL)/api/tags", reason: "the key 'models.[0].modified_at' is missing",
                excerpt: #"{"models":[{"name":"x"}]}"#))
        }
    }

    @Test func `a stream that closes before its done chunk ended early`() async throws {
        let steps: [Server.Step] = [.send(Server.streamHead + Server.chunk(#"{"model":"m","created_at":"2024-01-01T00:00:00Z","response":"The","done":false}"#) + Server.lastChunk)]
        try await Server.with(steps) { server in
            let (chunks, error) = await drain(client(server).generateStream(Self.generate))
            #expect(chunks.map(\.response) == ["The"])
            #expect(error as? OllamaError == .streamEndedEarly(endpoint: "POST \(server.baseURL)/api/generate"))
            #expect((error as? OllamaError)?.isServiceFailure == true)
        }
    }

    @Test func `an error line in the middle of a stream fails the stream with Ollama's message`() async throws {
        let steps: [Server.Step] = [.send(
            Server.streamHead + Server.chunk(#"{"model":"m","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"Hi"},"done":false}"#)
                + Server.chunk(#"{"error":"an error was encountered while running the model"}"#) + Server.lastChunk)]
        try await Server.with(steps) { server in
            let (chunks, error) = await drain(client(server).chatStream(ChatRequest(model: "m", messages: [.user("Hi")])))
            #expect(chunks.map(\.message?.content) == ["Hi"])
            #expect(error as? OllamaError == .streamError(
                endpoint: "POST \(server.baseURL)/api/chat", message: "an error was encountered while running the model"))
        }
    }

    @Test func `a malformed line in a stream is undecodable`() async throws {
        try await Server.with([.send(Server.streamHead + Server.chunk(#"{"status":"#) + Server.lastChunk)]) { server in
            let (_, error) = await drain(client(server).create(CreateRequest(model: "m", from: "base")))
            #expect(error as? OllamaError == .undecodable(
                what: "a line of the stream for POST \(server.baseURL)/api/create", reason: "it is not valid JSON", excerpt: #"{"status":"#))
        }
    }
}
