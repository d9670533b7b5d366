import Foundation
import HTTPTestSupport
import OllamaKit
import OllamaSimulator
import ReadinessKit
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct FleetBuilderTests {
    @Test func `build creates the missing models in order through /api/create, and a second build skips them all`() async throws {
        try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
            let config = try FleetFixtures.mirador(host: url), client = FleetFixtures.client(url)
            let build = try await FleetBuilder.build(config, client: client)
            #expect(build.succeeded)
            #expect(build.steps.map(\.model) == FleetFixtures.phase1Missing)
            #expect(build.steps.map(\.status) == [.built, .built, .built])
            #expect(build.skipped == ["matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2"])
            let request = try #require(build.steps.first?.actions.first)
            #expect(request == .create(CreateRequest(
                model: "financial_planning_expert_v6", from: "llama3.2:3b",
                system: "You are a careful financial planner who explains budgeting, debt, saving and investing in plain language.",
                parameters: ["temperature": 0.3, "num_ctx": 4096, "top_p": 0.9])))
            #expect(!(try await FleetDiagnosis.diagnose(config, client: client)).needsAction)

            let again = try await FleetBuilder.build(config, client: client)
            #expect(again.steps.isEmpty)
            #expect(again.skipped.count == 6)
            #expect(BuildText.render(again).hasSuffix("Nothing to build: Ollama has every model of the fleet.\n"))
        }
    }

    @Test func `a dry run sends no create request and returns the plan`() async throws {
        let simulator = try OllamaSimulator.start(scenario: try FleetFixtures.scenario("phase1"))
        defer { simulator.stop() }
        let config = try FleetFixtures.mirador(host: simulator.baseURL), client = FleetFixtures.client(simulator.baseURL)
        // The dry run diagnoses first; anything beyond the requests of a diagnosis would be a pull or a create.
        let before = simulator.statistics.requests
        _ = try await FleetDiagnosis.diagnose(config, client: client)
        let diagnosisRequests = simulator.statistics.requests - before

        let plan = try await FleetBuilder.build(config, client: client, options: .init(dryRun: true))
        #expect(simulator.statistics.requests - before == 2 * diagnosisRequests)
        #expect(plan.dryRun && plan.succeeded)
        #expect(plan.steps.map(\.status) == [.planned, .planned, .planned])
        #expect(plan.steps.map { $0.actions.map(\.description) } == FleetFixtures.phase1Missing.map { ["create \($0) FROM llama3.2:3b"] })
        #expect(try await FleetDiagnosis.diagnose(config, client: client).buildOrder == FleetFixtures.phase1Missing)
        #expect(BuildText.render(plan) == """
            [1/3] would create financial_planning_expert_v6 FROM llama3.2:3b
            [2/3] would create decision_simplifier_v2 FROM llama3.2:3b
            [3/3] would create enhanced_agent_fast_v6 FROM llama3.2:3b
            Skipped (already in Ollama): matthew_context_provider_v2, louisville_expert_v3, enhanced_agent_enforcer_v2.
            Dry run: 3 models to build, no request sent.

            """)
    }

    @Test func `a missing base is pulled once, before the first create that needs it`() async throws {
        let progress = CannedHTTPServer.streamHead + CannedHTTPServer.chunk(#"{"status":"success"}"#) + CannedHTTPServer.lastChunk
        let models = try ["a_v1", "b_v1"].enumerated().map { index, name in
            ModelDiagnosis(
                name: name, buildPriority: index + 1, source: try Modelfile.parse("FROM absent-base:1b\n"),
                base: Base(reference: "absent-base:1b"))
        }
        try await CannedHTTPServer.with([.send(progress)]) { server in
            let build = await FleetBuilder.build(
                try FleetDiagnosis(host: "h", models: models), client: FleetFixtures.client(server.baseURL))
            #expect(build.succeeded)
            #expect(server.requests.map { $0.components(separatedBy: "\r\n")[0] } == [
                "POST /api/pull HTTP/1.1", "POST /api/create HTTP/1.1", "POST /api/create HTTP/1.1",
            ])
            #expect(server.requests.first?.hasSuffix(#"{"model":"absent-base:1b"}"#) == true)
            #expect(build.steps.map { $0.actions.map(\.description) } == [
                ["pull absent-base:1b", "create a_v1 FROM absent-base:1b"], ["create b_v1 FROM absent-base:1b"],
            ])
        }
    }

    @Test func `the build stops at the first failure, saying which model and why`() async throws {
        // Ollama's answer when the registry does not have the base (the simulator has no /api/pull at all).
        let failing = CannedHTTPServer.streamHead + CannedHTTPServer.chunk(#"{"status":"pulling manifest"}"#)
            + CannedHTTPServer.chunk(#"{"error":"pull model manifest: file does not exist"}"#) + CannedHTTPServer.lastChunk
        let models = [
            ModelDiagnosis(name: "first_v1", buildPriority: 1, source: try Modelfile.parse("FROM absent-base:1b\n"), base: Base(reference: "absent-base:1b")),
            ModelDiagnosis(
                name: "second_v1", buildPriority: 2, source: try Modelfile.parse("FROM llama3.2:3b\n"),
                base: Base(reference: "llama3.2:3b", isInstalled: true)),
        ]
        try await CannedHTTPServer.with([.send(failing)]) { server in
            let build = await FleetBuilder.build(try FleetDiagnosis(host: "h", models: models), client: FleetFixtures.client(server.baseURL))
            #expect(build.failure?.model == "first_v1")
            #expect(build.failure?.status == .failed("pull absent-base:1b failed: Ollama reported an error in the middle of the stream "
                + "for POST \(server.baseURL)/api/pull: pull model manifest: file does not exist"))
            #expect(build.steps.last?.status == .notAttempted)
            #expect(server.requests.count == 1, "nothing is sent after the failure")
            #expect(BuildText.render(build).hasSuffix("[2/2] not attempted second_v1: an earlier model failed\nStopped at first_v1; nothing was deleted.\n"))
        }
    }

    @Test func `a Modelfile the JSON API cannot carry stops the build before anything is sent`() async throws {
        let modelfile = try Modelfile.parse("FROM llama3.2:3b\nADAPTER ./lora.gguf\n")
        try await CannedHTTPServer.with([]) { server in
            let diagnosis = try FleetDiagnosis(host: "h", models: [ModelDiagnosis(name: "m", source: modelfile, base: Base(reference: "llama3.2:3b"))])
            let build = await FleetBuilder.build(diagnosis, client: FleetFixtures.client(server.baseURL))
            let refusal = #expect(throws: FleetError.self) { try modelfile.createRequest(model: "m") }
            #expect(build.failure?.status == .failed(try #require(refusal).description))
            #expect(server.requests.isEmpty)
        }
    }
}
