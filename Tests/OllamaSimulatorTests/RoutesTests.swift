import Foundation
import OllamaKit
import Testing
import OllamaSimulator

/// Status codes and bodies of Ollama's routes, checked on the raw bytes.
@Suite struct RoutesTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var method: String
        var path: String
        var body: String?
        var status: Int
        var response: String
        /// Ollama's `waitForStream` sets a bare "application/json"; `c.JSON` adds the charset.
        var contentType: String? = nil
        var testDescription: String { "\(method) \(path) \(body ?? "") → \(status)" }
    }

    static let errors: [Case] = [
        Case(method: "POST", path: "/api/generate", body: "{}", status: 404, response: #"{"error":"model '' not found"}"#),
        Case(method: "POST", path: "/api/generate", body: #"{"model":"nope","prompt":"hi"}"#, status: 404, response: #"{"error":"model 'nope' not found"}"#),
        Case(method: "POST", path: "/api/chat", body: "{}", status: 400, response: #"{"error":"model is required"}"#),
        Case(method: "POST", path: "/api/chat", body: #"{"model":"nope","messages":[]}"#, status: 404, response: #"{"error":"model 'nope' not found"}"#),
        Case(method: "POST", path: "/api/show", body: "{}", status: 400, response: #"{"error":"model is required"}"#),
        Case(method: "POST", path: "/api/show", body: #"{"model":"nope"}"#, status: 404, response: #"{"error":"model 'nope:latest' not found"}"#),
        Case(method: "POST", path: "/api/copy", body: #"{"source":"nope","destination":"x"}"#, status: 404, response: #"{"error":"model \"nope\" not found"}"#),
        Case(method: "POST", path: "/api/copy", body: #"{"source":"","destination":"x"}"#, status: 400, response: #"{"error":"source \"\" is invalid"}"#),
        Case(method: "POST", path: "/api/copy", body: #"{"source":"solo","destination":"bad name"}"#, status: 400, response: #"{"error":"destination \"bad name\" is invalid"}"#),
        Case(method: "DELETE", path: "/api/delete", body: #"{"model":"nope"}"#, status: 404, response: #"{"error":"model 'nope' not found"}"#),
        Case(method: "DELETE", path: "/api/delete", body: "{}", status: 400, response: #"{"error":"name \"\" is invalid"}"#),
        Case(method: "POST", path: "/api/create", body: #"{"model":"x"}"#, status: 400, response: #"{"error":"neither 'from' or 'files' was specified"}"#),
        Case(method: "POST", path: "/api/create", body: #"{"model":"","from":"solo"}"#, status: 400, response: #"{"error":"invalid model name"}"#),
        Case(method: "POST", path: "/api/create", body: #"{"model":"x","from":"nope","stream":false}"#, status: 500, response: #"{"error":"pull model manifest: file does not exist"}"#,
             contentType: "application/json"),
        Case(method: "POST", path: "/api/generate", body: "", status: 400, response: #"{"error":"missing request body"}"#),
        Case(method: "POST", path: "/api/chat", body: "  \n", status: 400, response: #"{"error":"missing request body"}"#),
        Case(method: "POST", path: "/api/generate", body: #"{"model": x}"#, status: 400, response: #"{"error":"invalid character 'x' looking for beginning of value"}"#),
        Case(method: "POST", path: "/api/generate", body: #"{"model":"solo""#, status: 400, response: #"{"error":"unexpected EOF"}"#),
        Case(method: "POST", path: "/api/chat", body: #"{"model" "solo"}"#, status: 400, response: #"{"error":"invalid character '\"' after object key"}"#),
        Case(method: "POST", path: "/api/generate", body: #"{"model":"solo","stream":"yes"}"#, status: 400,
             response: #"{"error":"json: cannot unmarshal string into Go struct field GenerateRequest.stream of type bool"}"#),
        Case(method: "POST", path: "/api/chat", body: "[]", status: 400, response: #"{"error":"json: cannot unmarshal array into Go value of type api.ChatRequest"}"#),
        Case(method: "POST", path: "/api/generate", body: #"{"model":"solo","keep_alive":"soon"}"#, status: 400, response: #"{"error":"time: invalid duration \"soon\""}"#),
        Case(method: "GET", path: "/api/generate", body: nil, status: 405, response: "405 method not allowed"),
        Case(method: "POST", path: "/api/tags", body: nil, status: 405, response: "405 method not allowed"),
        Case(method: "GET", path: "/api/nothing", body: nil, status: 404, response: "404 page not found"),
    ]

    @Test("Error answers match Ollama's status and text", arguments: errors)
    func errorAnswer(_ row: Case) async throws {
        try await withSimulator(Fixtures.single()) { url in
            let response = try RawHTTPClient(url).send(row.method, row.path, body: row.body)
            #expect(response.status == row.status)
            #expect(response.body == row.response)
            let expectedType = row.response.hasPrefix("{") ? "application/json; charset=utf-8" : "text/plain; charset=utf-8"
            #expect(response.header("Content-Type") == row.contentType ?? expectedType)
        }
    }

    @Test func `GET and HEAD on the root say Ollama is running`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            let get = try client.send("GET", "/")
            #expect(get.statusLine == "HTTP/1.1 200 OK")
            #expect(get.body == "Ollama is running")
            let head = try client.send("HEAD", "/")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "17")
            #expect(head.body.isEmpty)
        }
    }

    @Test func `Version reports the scenario's version`() async throws {
        var scenario = Fixtures.single()
        scenario.version = "0.9.1"
        try await withSimulator(scenario) { url in
            let response = try RawHTTPClient(url).send("GET", "/api/version")
            #expect(response.body == #"{"version":"0.9.1"}"#)
        }
    }

    @Test func `Tags lists the healthy fleet with Ollama's fields`() async throws {
        try await withSimulator(try Fixtures.scenario("healthy")) { url in
            let response = try RawHTTPClient(url).send("GET", "/api/tags")
            let list = try JSONDecoder().decode(ListResponse.self, from: Data(response.body.utf8))
            #expect(list.models.map(\.name) == [
                "llama3.2:3b", "matthew_context_provider_v2:latest", "louisville_expert_v3:latest", "enhanced_agent_enforcer_v2:latest",
                "financial_planning_expert_v6:latest", "decision_simplifier_v2:latest", "enhanced_agent_fast_v6:latest",
            ])
            let first = try #require(list.models.first)
            #expect(first.model == first.name)
            #expect(first.size == 2_019_393_189)
            #expect(first.digest.count == 64)
            #expect(first.details == ModelDetails(format: "gguf", family: "llama", families: ["llama"], parameterSize: "3.2B", quantizationLevel: "Q4_K_M"))
        }
    }

    @Test func `Show returns the Modelfile, parameters and system of a Mirador model`() async throws {
        try await withSimulator(try Fixtures.scenario("healthy")) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/show", body: #"{"model":"decision_simplifier_v2"}"#)
            let show = try JSONDecoder().decode(ShowResponse.self, from: Data(response.body.utf8))
            #expect(show.system == "You simplify decisions by listing each option, its trade-off and a clear recommendation.")
            #expect(show.parameters == """
                num_ctx                        4096
                temperature                    0.2
                top_p                          0.9
                """)
            let modelfile = try #require(show.modelfile)
            #expect(modelfile.hasPrefix("# Modelfile generated by \"ollama show\"\n"))
            #expect(modelfile.contains("# FROM decision_simplifier_v2:latest\n\nFROM /root/.ollama/models/blobs/sha256-"))
            #expect(modelfile.hasSuffix("""
                SYSTEM You simplify decisions by listing each option, its trade-off and a clear recommendation.
                PARAMETER num_ctx 4096
                PARAMETER temperature 0.2
                PARAMETER top_p 0.9

                """))
            #expect(show.details.parentModel == "llama3.2:3b")
            #expect(show.capabilities == ["completion"])
        }
    }

    @Test func `Requests on one keep-alive connection are answered in turn`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            let get = "GET /api/version HTTP/1.1\r\nHost: x\r\n\r\n"
            let chunked = "POST /api/show HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\n{\"mod\r\n9\r\nel\":\"solo\r\n2\r\n\"}\r\n0\r\n\r\n"
            let socket = try client.open(sending: get + chunked)
            defer { socket.close() }
            let raw = client.readAll(socket)
            #expect(raw.components(separatedBy: "HTTP/1.1 200 OK").count == 3)
            #expect(raw.contains(#"{"version":"0.12.6"}"#))
            #expect(raw.contains(##""modelfile":"# Modelfile generated"##))
        }
    }
}
