import Foundation
import OllamaKit
import Testing
@testable import OllamaSimulator

/// `/api/pull` installs registry models with Ollama's progress, and fails for unknown names as Ollama does.
@Suite struct PullTests {
    /// "solo" installed; "fresh:1b" only in the registry.
    static let scenario = Scenario(
        models: [Scenario.Model(name: "solo")],
        registry: [Scenario.Model(name: "fresh:1b", sizeBytes: 1_000, behaviour: Scenario.Behaviour(defaultReply: "fresh answer"))])

    static func progress(_ response: RawHTTPClient.Response) throws -> [ProgressResponse] {
        try response.lines(of: #require(response.dechunked)).map { try JSONDecoder().decode(ProgressResponse.self, from: Data($0.utf8)) }
    }

    @Test func `Pulling a registry model streams manifest, per-layer progress, verify, write and success, then installs it`() async throws {
        try await withSimulator(Self.scenario) { url in
            let client = RawHTTPClient(url)
            let response = try client.send("POST", "/api/pull", body: #"{"model":"fresh:1b"}"#)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/x-ndjson")
            let progress = try Self.progress(response)
            // Layers: the weights and the config (this model has no template, system, license or params).
            let layers = ModelLayer.layers(of: Self.scenario.registry[0])
            #expect(layers.count == 2 && layers.map(\.size).reduce(0, +) == 1_000)
            var expected = [ProgressResponse(status: "pulling manifest")]
            for layer in layers {
                let status = "pulling " + layer.digest.dropFirst("sha256:".count).prefix(12)
                expected += [nil, layer.size / 2, layer.size].map {
                    ProgressResponse(status: status, digest: layer.digest, total: layer.size, completed: $0)
                }
            }
            expected += ["verifying sha256 digest", "writing manifest", "success"].map { ProgressResponse(status: $0) }
            #expect(progress == expected)
            // Go's omitempty drops a zero `completed`.
            #expect(response.body.contains(#"{"digest":"\#(layers[0].digest)","status":"pulling \#(layers[0].digest.dropFirst(7).prefix(12))","total":\#(layers[0].size)}"#))

            #expect(try ModelManagementTests.names(client) == ["fresh:1b", "solo:latest"])
            #expect(try client.send("POST", "/api/show", body: #"{"model":"fresh:1b"}"#).status == 200)
            let answer = try client.send("POST", "/api/generate", body: #"{"model":"fresh:1b","prompt":"hi","stream":false}"#)
            #expect(answer.body.contains(#""response":"fresh answer""#))
            let create = try client.send("POST", "/api/create", body: #"{"model":"derived","from":"fresh:1b","stream":false}"#)
            #expect(create.body == #"{"status":"success"}"#)
        }
    }

    @Test func `Without streaming a pull answers one success object`() async throws {
        try await withSimulator(Self.scenario) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/pull", body: #"{"name":"FRESH:1b","stream":false,"insecure":true}"#)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/json")
            #expect(response.body == #"{"status":"success"}"#)
        }
    }

    @Test func `Pulling an installed model reports every layer complete and changes nothing`() async throws {
        try await withSimulator(Self.scenario) { url in
            let client = RawHTTPClient(url)
            let progress = try Self.progress(client.send("POST", "/api/pull", body: #"{"model":"solo"}"#))
            let layers = ModelLayer.layers(of: Self.scenario.models[0])
            #expect(progress.map(\.status) == ["pulling manifest"] + layers.map(\.pullingStatus) + ["verifying sha256 digest", "writing manifest", "success"])
            #expect(progress.dropFirst().prefix(layers.count).allSatisfy { $0.completed == $0.total && $0.total != nil })
            #expect(try ModelManagementTests.names(client) == ["solo:latest"])
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var status: Int
        var contentType: String
        var response: String
        var testDescription: String { "\(body) → \(status)" }
    }

    static let failures: [Case] = [
        // PullModel: "pull model manifest: " + os.ErrNotExist; streamed after "pulling manifest", or waitForStream's 500.
        Case(body: #"{"model":"nope:7b"}"#, status: 200, contentType: "application/x-ndjson",
             response: "{\"status\":\"pulling manifest\"}\n{\"error\":\"pull model manifest: file does not exist\"}\n"),
        Case(body: #"{"model":"nope:7b","stream":false}"#, status: 500, contentType: "application/json",
             response: #"{"error":"pull model manifest: file does not exist"}"#),
        // modelref.ErrModelRequired and invalid names both fall back to errtypes.InvalidModelNameErrMsg.
        Case(body: "{}", status: 400, contentType: "application/json; charset=utf-8", response: #"{"error":"invalid model name"}"#),
        Case(body: #"{"model":"bad name"}"#, status: 400, contentType: "application/json; charset=utf-8", response: #"{"error":"invalid model name"}"#),
        Case(body: "", status: 400, contentType: "application/json; charset=utf-8", response: #"{"error":"missing request body"}"#),
    ]

    @Test("Failed pulls answer Ollama's status and text", arguments: failures)
    func failure(_ row: Case) async throws {
        try await withSimulator(Self.scenario) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/pull", body: row.body)
            #expect(response.status == row.status)
            #expect(response.header("Content-Type") == row.contentType)
            #expect((row.contentType == "application/x-ndjson" ? response.dechunked : response.body) == row.response)
        }
    }

    @Test func `Create from a registry model pulls it first, as Ollama does`() async throws {
        try await withSimulator(try Fixtures.scenario("phase1-empty-base")) { url in
            let client = RawHTTPClient(url)
            #expect(try !ModelManagementTests.names(client).contains("llama3.2:3b"))
            let response = try client.send("POST", "/api/create", body: #"{"model":"decision_simplifier_v2","from":"llama3.2:3b"}"#)
            let statuses = try Self.progress(response).map(\.status)
            #expect(statuses.first == "pulling manifest")
            #expect(statuses.filter { $0 == "success" }.count == 2)
            #expect(statuses.last == "success")
            #expect(try ModelManagementTests.names(client).prefix(2) == ["decision_simplifier_v2:latest", "llama3.2:3b"])
        }
    }
}
