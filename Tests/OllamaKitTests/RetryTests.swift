import Foundation
import HTTPTestSupport
import Testing
@testable import OllamaKit

@Suite("Transient failures are retried, with backoff, only when safe", .timeLimit(.minutes(1)))
struct RetryTests {
    typealias Server = CannedHTTPServer

    private static let quick = RetryPolicy(maxRetries: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    private func client(_ url: URL, retries: RetryPolicy = quick) -> OllamaClient {
        OllamaClient(.init(baseURL: url, connectTimeout: .seconds(5), requestTimeout: .seconds(30), retries: retries))
    }

    private static let busy = Server.response("503 Service Unavailable", body: #"{"error":"server busy"}"#)
    private static let version = Server.response("200 OK", body: #"{"version":"0.5.1"}"#)
    private static let generated = Server.response(
        "200 OK", body: #"{"model":"m","created_at":"2024-01-01T00:00:00Z","response":"Hi","done":true}"#)

    @Test func `a 503 then a 200 succeeds after one retry`() async throws {
        try await Server.with(connections: [[.send(Self.busy)], [.send(Self.version)]]) { server in
            let client = client(server.baseURL)
            let answer = try await client.version()
            #expect(answer.version == "0.5.1")
            #expect(client.retriesMade == 1)
            #expect(server.requests.count == 2)
        }
    }

    @Test func `a 404 is not retried`() async throws {
        try await Server.with([.send(Server.response("404 Not Found", body: #"{"error":"model 'x' not found"}"#))]) { server in
            let client = client(server.baseURL)
            await #expect(throws: OllamaError.modelNotFound(model: "x", message: "model 'x' not found")) {
                try await client.show(ShowRequest(model: "x"))
            }
            #expect(client.retriesMade == 0)
            #expect(server.requests.count == 1)
        }
    }

    @Test func `a refused connection is retried, then reported unreachable`() async throws {
        let port = try Server.closedPort()
        let client = client(URL(string: "http://127.0.0.1:\(port)")!)
        await #expect(throws: OllamaError.unreachable(host: "http://127.0.0.1:\(port)", reason: "connection refused")) {
            try await client.version()
        }
        #expect(client.retriesMade == 2)
    }

    @Test func `a connection closed before any answer is retried, also for generate`() async throws {
        try await Server.with(connections: [[], [.send(Self.version)]]) { server in
            let client = client(server.baseURL)
            let answer = try await client.version()
            #expect(answer.version == "0.5.1")
            #expect(client.retriesMade == 1)
        }
        try await Server.with(connections: [[], [.send(Self.generated)]]) { server in
            let client = client(server.baseURL)
            let answer = try await client.generate(GenerateRequest(model: "m", prompt: "Hi"))
            #expect(answer.response == "Hi")
            #expect(client.retriesMade == 1)
        }
    }

    @Test func `a 503 to generate or pull is not retried`() async throws {
        try await Server.with([.send(Self.busy)]) { server in
            let client = client(server.baseURL)
            await #expect(throws: OllamaError.self) { try await client.generate(GenerateRequest(model: "m", prompt: "Hi")) }
            await #expect(throws: OllamaError.self) { for try await _ in client.pull(PullRequest(model: "m")) {} }
            #expect(client.retriesMade == 0)
            #expect(server.requests.count == 2)
        }
    }

    @Test func `a stream that broke after it started is not retried`() async throws {
        let started = Server.streamHead + Server.chunk(#"{"model":"m","created_at":"2024-01-01T00:00:00Z","response":"The","done":false}"#)
        try await Server.with([.send(started)]) { server in
            let client = client(server.baseURL)
            var chunks = 0
            await #expect(throws: OllamaError.self) {
                for try await _ in client.generateStream(GenerateRequest(model: "m", prompt: "Hi")) { chunks += 1 }
            }
            #expect(chunks == 1)
            #expect(client.retriesMade == 0)
            #expect(server.requests.count == 1)
        }
    }

    @Test func `the backoff doubles up to its cap`() {
        let policy = RetryPolicy(maxRetries: 5, baseDelay: .milliseconds(200), maxDelay: .seconds(2))
        #expect((1...6).map(policy.ceiling(beforeRetry:)) == [
            .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600), .seconds(2), .seconds(2),
        ])
        for retry in 1...6 {
            let delay = policy.delay(beforeRetry: retry)
            #expect(delay <= policy.ceiling(beforeRetry: retry) && delay >= policy.ceiling(beforeRetry: retry) / 2)
        }
    }
}
