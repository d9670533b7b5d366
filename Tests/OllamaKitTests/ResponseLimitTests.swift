import Foundation
import HTTPTestSupport
import Testing
@testable import OllamaKit

@Suite("Answers larger than the caps end the exchange", .timeLimit(.minutes(1)))
struct ResponseLimitTests {
    typealias Server = CannedHTTPServer

    private func client(_ server: Server, maxResponseBytes: Int = 100_000, maxLineBytes: Int = 50_000) -> OllamaClient {
        OllamaClient(.init(
            baseURL: server.baseURL, connectTimeout: .seconds(5), requestTimeout: .seconds(30),
            maxResponseBytes: maxResponseBytes, maxLineBytes: maxLineBytes, retries: .none))
    }

    /// A head, then `block` sent over and over (far past any cap used here), then a connection that stays open.
    private static func endless(_ head: String, _ block: String) -> [Server.Step] {
        [.send(head)] + Array(repeating: .send(block), count: 400) + [.hang]
    }

    /// One chunk of a chunked body with `payload` as is (no newline added).
    private static func rawChunk(_ payload: String) -> String {
        String(payload.utf8.count, radix: 16) + "\r\n" + payload + "\r\n"
    }

    private static let line = #"{"model":"m","created_at":"2024-01-01T00:00:00Z","response":"The","done":false}"#

    @Test func `an endless answer fails once it passes maxResponseBytes`() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
        try await Server.with(Self.endless(head, String(repeating: "x", count: 16_384))) { server in
            let error = await #expect(throws: OllamaError.self) { try await client(server).listModels() }
            #expect(error == .responseTooLarge(endpoint: "GET \(server.baseURL)/api/tags", what: "the answer", limit: 100_000))
            #expect(error?.description == "Ollama's answer to GET \(server.baseURL)/api/tags was cut off: the answer exceeded "
                + "the limit of 100000 bytes (maxResponseBytes, maxLineBytes). Check that the host is an Ollama server.")
        }
    }

    @Test func `an endless stream of lines fails once it passes maxResponseBytes`() async throws {
        let block = String(repeating: Server.chunk(Self.line), count: 100)
        try await Server.with(Self.endless(Server.streamHead, block)) { server in
            var received = 0
            let error = await #expect(throws: OllamaError.self) {
                for try await _ in client(server).generateStream(GenerateRequest(model: "m", prompt: "Hi")) { received += 1 }
            }
            #expect(error == .responseTooLarge(endpoint: "POST \(server.baseURL)/api/generate", what: "the stream", limit: 100_000))
            #expect(received > 0)
        }
    }

    @Test func `an endless line fails once it passes maxLineBytes`() async throws {
        let block = Self.rawChunk(#"{"response":""# + String(repeating: "x", count: 8_192))
        try await Server.with(Self.endless(Server.streamHead, block)) { server in
            let error = await #expect(throws: OllamaError.self) {
                for try await _ in client(server, maxResponseBytes: 10_000_000).generateStream(GenerateRequest(model: "m", prompt: "Hi")) {}
            }
            #expect(error == .responseTooLarge(
                endpoint: "POST \(server.baseURL)/api/generate", what: "a line of the stream", limit: 50_000))
        }
    }

    @Test func `a credential in the host is redacted in the message`() async throws {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
        try await Server.with(Self.endless(head, String(repeating: "x", count: 16_384))) { server in
            let url = URL(string: "http://user:secret@127.0.0.1:\(server.port)")!
            let client = OllamaClient(.init(baseURL: url, maxResponseBytes: 1_000, retries: .none))
            let error = await #expect(throws: OllamaError.self) { try await client.version() }
            #expect(error?.description.contains("secret") == false)
            #expect(error?.description.contains("127.0.0.1:\(server.port)/api/version") == true)
        }
    }
}
