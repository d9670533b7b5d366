import Foundation
import HTTPTestSupport
import Testing
@testable import OllamaKit

@Suite("What the client sends and how it reads answers")
struct ClientExchangeTests {
    typealias Server = CannedHTTPServer

    private func client(_ server: Server) -> OllamaClient {
        OllamaClient(.init(baseURL: server.baseURL, requestTimeout: .seconds(30)))
    }

    private static func chunk(_ text: String, done: Bool = false, extra: String = "") -> String {
        Server.chunk(#"{"model":"m","created_at":"2024-01-01T00:00:00Z","response":"\#(text)","done":\#(done)\#(extra)}"#)
    }

    /// The body of the first request the server received.
    private func requestBody(_ server: Server) throws -> String {
        let request = try #require(server.requests.first)
        return String(request[try #require(request.range(of: "\r\n\r\n")).upperBound...])
    }

    @Test func `heartbeat accepts Ollama's greeting and rejects another server's page`() async throws {
        try await Server.with([.send(Server.response("200 OK", contentType: "text/plain", body: "Ollama is running"))]) { server in
            try await client(server).heartbeat()
            #expect(server.requests.first?.hasPrefix("GET / HTTP/1.1\r\n") == true)
        }
        try await Server.with([.send(Server.response("200 OK", contentType: "text/html", body: "<h1>nginx</h1>"))]) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).heartbeat() }
            #expect(error == .undecodable(
                what: "the answer to GET \(server.baseURL)/", reason: "it does not say 'Ollama is running'", excerpt: "<h1>nginx</h1>"))
        }
    }

    @Test func `delete sends its JSON body with the DELETE method and accepts an empty answer`() async throws {
        try await Server.with([.send(Server.response("200 OK", body: ""))]) { server in
            try await client(server).delete("old_model:v1")
            #expect(server.requests.first?.hasPrefix("DELETE /api/delete HTTP/1.1\r\n") == true)
            #expect(try requestBody(server) == #"{"model":"old_model:v1"}"#)
        }
    }

    @Test func `copy sends source and destination`() async throws {
        try await Server.with([.send(Server.response("200 OK", body: ""))]) { server in
            try await client(server).copy(source: "a", destination: "b")
            let body = try requestBody(server)
            #expect(try JSONDecoder().decode(CopyRequest.self, from: Data(body.utf8)) == CopyRequest(source: "a", destination: "b"))
        }
    }

    @Test func `generate asks for one object and streaming asks for a stream`() async throws {
        try await Server.with([.send(Server.response("200 OK", body: try String(decoding: Fixtures.data("generate.json"), as: UTF8.self)))]) { server in
            let answer = try await client(server).generate(GenerateRequest(model: "llama3.2", prompt: "Why?"))
            #expect(answer.metrics.evalCount == 290)
            #expect(try JSONDecoder().decode(GenerateRequest.self, from: Data(requestBody(server).utf8)).stream == false)
        }
        try await Server.with([.send(Server.streamHead + Self.chunk("", done: true) + Server.lastChunk)]) { server in
            for try await _ in client(server).generateStream(GenerateRequest(model: "m", prompt: "Hi", stream: false)) {}
            #expect(try JSONDecoder().decode(GenerateRequest.self, from: Data(requestBody(server).utf8)).stream == true)
        }
    }

    @Test func `stream chunks arrive while the server is still sending`() async throws {
        // The server sends one chunk and then waits until stopped: receiving the chunk proves it was not buffered.
        let server = try Server([.send(Server.streamHead + Self.chunk("The")), .hang])
        var iterator = client(server).generateStream(GenerateRequest(model: "m", prompt: "Hi")).makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.response == "The")
        server.stop()
        let error = await #expect(throws: OllamaError.self) { _ = try await iterator.next() }
        #expect(error?.isServiceFailure == true)
    }

    @Test func `a connection cut in the middle of a stream is reported as lost`() async throws {
        try await Server.with([.send(Server.streamHead + Self.chunk("The"))]) { server in
            var received: [String] = []
            let error = await #expect(throws: OllamaError.self) {
                for try await chunk in client(server).generateStream(GenerateRequest(model: "m", prompt: "Hi")) {
                    received.append(chunk.response)
                }
            }
            #expect(received == ["The"])
            #expect(error == .connectionLost(endpoint: "POST \(server.baseURL)/api/generate", reason: "the answer broke off before it was complete"))
        }
    }

    @Test func `cancelling the consuming task cancels the request`() async throws {
        try await Server.with([.send(Server.streamHead + Self.chunk("The")), .hang]) { server in
            let client = client(server)
            let consumer = Task {
                var count = 0
                for try await _ in client.generateStream(GenerateRequest(model: "m", prompt: "Hi")) {
                    count += 1
                    withUnsafeCurrentTask { $0?.cancel() }
                }
                try Task.checkCancellation()
                return count
            }
            // Without cancellation this would wait for the 30 s request timeout and fail with it instead.
            let result = await consumer.result
            #expect(throws: CancellationError.self) { try result.get() }
        }
    }

    @Test func `timed generation concatenates the text and keeps the final statistics`() async throws {
        let steps: [Server.Step] = [
            .send(Server.streamHead + Self.chunk("")),
            .pause(.milliseconds(50)),
            .send(Self.chunk("Louisville") + Self.chunk(" is in Kentucky.")),
            .send(Self.chunk("", done: true, extra: #","eval_count":4,"eval_duration":2000000000"#) + Server.lastChunk),
        ]
        try await Server.with(steps) { server in
            let timed = try await client(server).timedGenerate(GenerateRequest(model: "m", prompt: "Where?"))
            #expect(timed.text == "Louisville is in Kentucky.")
            #expect(timed.final.done)
            #expect(timed.final.metrics.tokensPerSecond == 2)
            // The first chunk is empty, so the first token came after the pause.
            let firstToken = try #require(timed.timeToFirstToken)
            #expect(firstToken >= .milliseconds(50))
            #expect(firstToken <= timed.wallTime)
        }
    }
}
