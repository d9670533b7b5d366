import Foundation
import OllamaKit
import Testing
import OllamaSimulator

/// Create, copy and delete really change what the simulated Ollama holds.
@Suite struct ModelManagementTests {
    static func names(_ client: RawHTTPClient) throws -> [String] {
        try JSONDecoder().decode(ListResponse.self, from: Data(client.send("GET", "/api/tags").body.utf8)).models.map(\.name)
    }

    @Test func `Create from a base streams progress ending in success, then the model lists, shows and answers`() async throws {
        try await withSimulator(try Fixtures.scenario("phase1")) { url in
            let client = RawHTTPClient(url)
            #expect(try !Self.names(client).contains("decision_simplifier_v2:latest"))
            let body = #"{"model":"decision_simplifier_v2","from":"llama3.2:3b","system":"You simplify decisions.","parameters":{"temperature":0.2,"num_ctx":4096}}"#
            let response = try client.send("POST", "/api/create", body: body)
            #expect(response.header("Content-Type") == "application/x-ndjson")
            let statuses = try response.lines(of: #require(response.dechunked)).map {
                try JSONDecoder().decode(ProgressResponse.self, from: Data($0.utf8)).status
            }
            #expect(statuses.first?.hasPrefix("using existing layer sha256:") == true)
            #expect(statuses.filter { $0.hasPrefix("creating new layer sha256:") }.count == 2)
            #expect(statuses.suffix(2) == ["writing manifest", "success"])
            #expect(try Self.names(client).first == "decision_simplifier_v2:latest")

            let show = try JSONDecoder().decode(ShowResponse.self, from: Data(
                client.send("POST", "/api/show", body: #"{"model":"decision_simplifier_v2"}"#).body.utf8))
            let modelfile = try #require(show.modelfile)
            #expect(modelfile.contains("SYSTEM You simplify decisions.\n"))
            #expect(modelfile.contains("PARAMETER num_ctx 4096\n") && modelfile.contains("PARAMETER temperature 0.2\n"))
            // Inherited from the base model, as Ollama merges parameters.
            #expect(modelfile.contains("PARAMETER stop <|eot_id|>\n"))
            #expect(show.details.parentModel == "llama3.2:3b")

            // The scenario describes the model, so once built it answers like the real one.
            let answer = try JSONDecoder().decode(GenerateResponse.self, from: Data(client.send(
                "POST", "/api/generate", body: #"{"model":"decision_simplifier_v2","stream":false,"prompt":"Simplify this choice: rent or buy a home this year."}"#).body.utf8))
            #expect(answer.response.contains("rent") && answer.response.contains("decision"))
        }
    }

    @Test func `Create without streaming answers only the final status`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/create", body: #"{"model":"copycat","from":"solo","stream":false}"#)
            #expect(response.status == 200)
            #expect(response.body == #"{"status":"success"}"#)
        }
    }

    @Test func `Create from a model that is not installed fails the way an offline pull does`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/create", body: #"{"model":"x","from":"missing:7b"}"#)
            #expect(response.status == 200)
            #expect(response.dechunked == "{\"status\":\"pulling manifest\"}\n{\"error\":\"pull model manifest: file does not exist\"}\n")
        }
    }

    @Test func `Copy adds a model with the same digest and delete removes it, both with empty bodies`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            let copy = try client.send("POST", "/api/copy", body: #"{"source":"solo","destination":"backup/solo:v1"}"#)
            #expect(copy.status == 200 && copy.body.isEmpty && copy.header("Content-Length") == "0")
            let list = try JSONDecoder().decode(ListResponse.self, from: Data(client.send("GET", "/api/tags").body.utf8))
            #expect(list.models.map(\.name) == ["backup/solo:v1", "solo:latest"])
            #expect(list.models[0].digest == list.models[1].digest)

            let delete = try client.send("DELETE", "/api/delete", body: #"{"model":"SOLO"}"#)
            #expect(delete.status == 200 && delete.body.isEmpty)
            #expect(try Self.names(client) == ["backup/solo:v1"])
            #expect(try client.send("DELETE", "/api/delete", body: #"{"model":"solo"}"#).status == 404)
            #expect(try client.send("POST", "/api/generate", body: #"{"model":"solo","prompt":"x"}"#).status == 404)
        }
    }
}
