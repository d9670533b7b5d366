import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import TestFixtures
import Testing
@testable import FleetKit

/// The generated scripts run for real: bash, the `ollama` stand-in, the in-process simulator.
@Suite(.timeLimit(.minutes(1)))
struct GeneratedScriptTests {
    @Test func `the build script creates the missing models in build order, and a second run skips them`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
                let client = FleetFixtures.client(url)
                let diagnosis = try await FleetDiagnosis.diagnose(try FleetFixtures.mirador(host: url), client: client)
                let script = try BuildScript.render(diagnosis)
                #expect(try await FleetFixtures.syntaxProblem(script) == nil)

                let first = try await FleetFixtures.run(script, named: BuildScript.fileName, in: folder, host: url)
                #expect(first.succeeded, "\(first.stderr)")
                #expect(first.stdout == """
                    [1/3] created financial_planning_expert_v6
                    [2/3] created decision_simplifier_v2
                    [3/3] created enhanced_agent_fast_v6
                    Done: all 3 missing models are present.

                    """)
                let listed = try await client.listModels().models.map(\.name)
                for name in FleetFixtures.phase1Missing {
                    #expect(listed.contains { ModelName.matches($0, name) }, "\(name) is not listed by /api/tags")
                }
                let listing = try await FleetFixtures.run(
                    "ollama list\nollama show financial_planning_expert_v6 --modelfile\n", named: "list.sh", in: folder, host: url)
                #expect(listing.stdout.contains("\nfinancial_planning_expert_v6:latest\t"), "the stand-in lists it too")
                #expect(listing.stdout.contains("SYSTEM You are a careful financial planner"))
                let after = try await FleetDiagnosis.diagnose(try FleetFixtures.mirador(host: url), client: client)
                #expect(!after.needsAction, "the built models match their Modelfiles")

                let second = try await FleetFixtures.run(script, named: BuildScript.fileName, in: folder, host: url)
                #expect(second.succeeded)
                #expect(second.stdout.components(separatedBy: "\n").filter { $0.contains("skipped") } == [
                    "[1/3] skipped financial_planning_expert_v6: already exists",
                    "[2/3] skipped decision_simplifier_v2: already exists",
                    "[3/3] skipped enhanced_agent_fast_v6: already exists",
                ])
            }
        }
    }

    @Test func `the build script stops at the first failure, naming the model and the command`() async throws {
        // The simulator has no registry: pulling the missing base fails, as an offline Ollama's would.
        let scenario = Scenario(models: [Scenario.Model(name: "llama3.2:3b")])
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(scenario) { url in
                let config = try FleetFixtures.fleet([
                    .init(name: "first_v1", from: "absent-base:1b", priority: 1),
                    .init(name: "second_v1", from: "llama3.2:3b", priority: 2),
                ], in: folder, host: url)
                let diagnosis = try await FleetDiagnosis.diagnose(config, client: FleetFixtures.client(url))
                let result = try await FleetFixtures.run(try BuildScript.render(diagnosis), named: "build.sh", in: folder, host: url)
                #expect(result.status == 1)
                #expect(result.stdout == "")
                #expect(result.stderr.contains("[1/2] FAILED first_v1: 'ollama pull absent-base:1b' exited with status 1"))
                let listed = try await FleetFixtures.client(url).listModels().models.map(\.name)
                #expect(listed == ["llama3.2:3b"], "nothing after the failure was built")
            }
        }
    }

    @Test func `the validate script passes when every critical model mentions a keyword`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
                let script = try ValidateScript.render(FleetValidator.checks(for: try FleetFixtures.mirador(host: url)))
                #expect(try await FleetFixtures.syntaxProblem(script) == nil)
                let result = try await FleetFixtures.run(script, named: ValidateScript.fileName, in: folder, host: url)
                #expect(result.succeeded, "\(result.stdout)\(result.stderr)")
                let lines = result.stdout.split(separator: "\n")
                #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 6)
                #expect(lines.last == "Validated 6 critical models: 6 passed, 0 failed.")
            }
        }
    }

    @Test func `the validate script fails for a model whose answer misses every keyword`() async throws {
        let scenario = try FleetFixtures.scenario("healthy", changing: "decision_simplifier_v2") {
            $0.behaviour.replies = []
            $0.behaviour.defaultReply = "I would rather talk about the weather today."
        }
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(scenario) { url in
                let script = try ValidateScript.render(FleetValidator.checks(for: try FleetFixtures.mirador(host: url)))
                let result = try await FleetFixtures.run(script, named: ValidateScript.fileName, in: folder, host: url)
                #expect(result.status == 1)
                let lines = result.stdout.split(separator: "\n").map(String.init)
                #expect(lines.contains("FAIL decision_simplifier_v2: the answer mentions none of the expected keywords (option trade-off decision)"))
                #expect(lines.filter { $0.hasPrefix("PASS ") }.count == 5)
                #expect(lines.last == "Validated 6 critical models: 5 passed, 1 failed.")
            }
        }
    }

    @Test func `the validate script fails for a model Ollama does not have`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
                let script = try ValidateScript.render(FleetValidator.checks(for: try FleetFixtures.mirador(host: url)))
                let result = try await FleetFixtures.run(script, named: ValidateScript.fileName, in: folder, host: url)
                #expect(result.status == 1)
                #expect(result.stdout.contains("FAIL financial_planning_expert_v6: 'ollama run' did not answer"))
                #expect(result.stdout.hasSuffix("Validated 6 critical models: 3 passed, 3 failed.\n"))
            }
        }
    }
}
