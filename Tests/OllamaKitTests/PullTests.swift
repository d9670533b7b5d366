import Foundation
import HTTPTestSupport
import Testing
@testable import OllamaKit

/// `POST /api/pull`, against canned answers: the simulator has no registry to pull from.
@Suite("Pulling a model", .timeLimit(.minutes(1)))
struct PullTests {
    typealias Server = CannedHTTPServer

    /// A pull's statuses as docs/api.md shows them: the manifest, a layer's progress, then success.
    static let progress = [
        #"{"status":"pulling manifest"}"#,
        #"{"status":"pulling 6a0746a1ec1a","digest":"sha256:6a0746a1ec1a","total":2019377376}"#,
        #"{"status":"pulling 6a0746a1ec1a","digest":"sha256:6a0746a1ec1a","total":2019377376,"completed":241970}"#,
        #"{"status":"verifying sha256 digest"}"#,
        #"{"status":"writing manifest"}"#,
        #"{"status":"success"}"#,
    ]

    private func client(_ server: Server) -> OllamaClient {
        OllamaClient(.init(baseURL: server.baseURL, requestTimeout: .seconds(30)))
    }

    @Test func `a pull request sends model, stream and insecure only when set, and decodes like Go`() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(PullRequest(model: "llama3.2:3b")), as: UTF8.self) == #"{"model":"llama3.2:3b"}"#)
        #expect(String(decoding: try encoder.encode(PullRequest(model: "m", insecure: true, stream: false)), as: UTF8.self)
            == #"{"insecure":true,"model":"m","stream":false}"#)
        #expect(try JSONDecoder().decode(PullRequest.self, from: Data("{}".utf8)) == PullRequest(model: ""))
    }

    @Test func `pull posts to /api/pull and yields every status with its layer progress`() async throws {
        let answer = Server.streamHead + Self.progress.map(Server.chunk).joined() + Server.lastChunk
        try await Server.with([.send(answer)]) { server in
            var statuses: [ProgressResponse] = []
            for try await status in client(server).pull(PullRequest(model: "llama3.2:3b")) { statuses.append(status) }
            #expect(statuses.map(\.status) == [
                "pulling manifest", "pulling 6a0746a1ec1a", "pulling 6a0746a1ec1a", "verifying sha256 digest", "writing manifest", "success",
            ])
            #expect(statuses[2] == ProgressResponse(
                status: "pulling 6a0746a1ec1a", digest: "sha256:6a0746a1ec1a", total: 2_019_377_376, completed: 241_970))
            let request = try #require(server.requests.first)
            #expect(request.hasPrefix("POST /api/pull HTTP/1.1\r\n"))
            #expect(request.hasSuffix(#"{"model":"llama3.2:3b"}"#))
        }
    }

    @Test func `a pull that fails midway or ends before success throws`() async throws {
        let failing = Server.streamHead + Server.chunk(Self.progress[0])
            + Server.chunk(#"{"error":"pull model manifest: file does not exist"}"#) + Server.lastChunk
        try await Server.with([.send(failing)]) { server in
            let error = await #expect(throws: OllamaError.self) { for try await _ in client(server).pull(PullRequest(model: "nope:1b")) {} }
            #expect(error == .streamError(endpoint: "POST \(server.baseURL)/api/pull", message: "pull model manifest: file does not exist"))
        }
        try await Server.with([.send(Server.streamHead + Server.chunk(Self.progress[0]) + Server.lastChunk)]) { server in
            let error = await #expect(throws: OllamaError.self) { for try await _ in client(server).pull(PullRequest(model: "m")) {} }
            #expect(error == .streamEndedEarly(endpoint: "POST \(server.baseURL)/api/pull"))
        }
    }
}
