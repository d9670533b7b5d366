import Foundation
import Testing
@testable import OllamaSimulator

/// Answers carry the fields of the Ollama release the scenario claims (its `version`).
@Suite struct ReleaseFieldsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var version: String
        var contextLength: Bool
        var capabilities: Bool
        var testDescription: String { version }
    }

    static let releases: [Case] = [
        Case(version: "0.12.6", contextLength: true, capabilities: true),
        Case(version: "0.9.7", contextLength: true, capabilities: true),
        Case(version: "0.9.6", contextLength: false, capabilities: true),
        Case(version: "0.6.3", contextLength: false, capabilities: false),
    ]

    @Test("ps lists context_length since 0.9.7; show lists capabilities since 0.6.4", arguments: releases)
    func fields(_ row: Case) async throws {
        var scenario = Fixtures.single()
        scenario.version = row.version
        scenario.models[0].modelfile.parameters = ["num_ctx": 8192]
        try await withSimulator(scenario) { url in
            let client = RawHTTPClient(url)
            _ = try client.send("POST", "/api/generate", body: #"{"model":"solo"}"#)
            let ps = try client.send("GET", "/api/ps").body
            #expect(ps.contains(#""context_length":8192"#) == row.contextLength)
            #expect(ps.contains(#""size_vram":"#))
            let show = try client.send("POST", "/api/show", body: #"{"model":"solo"}"#).body
            #expect(show.contains(#""capabilities":["completion"]"#) == row.capabilities)
        }
    }

    @Test func `Releases compare part by part`() {
        #expect(OllamaRelease("0.10.0") > OllamaRelease("0.9.7"))
        #expect(OllamaRelease("0.9.7") == OllamaRelease("0.9.7.0"))
        #expect(OllamaRelease("1") > OllamaRelease("0.99.99"))
    }
}
