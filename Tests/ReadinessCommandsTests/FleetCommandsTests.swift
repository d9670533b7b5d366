import FleetKit
import Foundation
import OllamaSimulator
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// The repair loop's commands against an in-process ollama-sim serving the Phase 1 fleet.
@Suite(.timeLimit(.minutes(1)))
struct FleetCommandsTests {
    static let missing = ["financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6"]

    /// Runs `body` with the Phase 1 simulator and a function running a command line against it.
    static func withPhase1(_ scenario: String = "phase1", _ body: (URL, @escaping ([String]) async -> (status: ExitCode, out: String, err: String)) async throws -> Void) async throws {
        let scenario = try Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/\(scenario).json"))
        try await withSimulator(scenario) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                // A copy, since a build appends to .readiness/history.jsonl beside readiness.json.
                let config = folder.appendingPathComponent("mirador/readiness.json").path
                try FileManager.default.copyItem(at: DomainFixtures.mirador, to: folder.appendingPathComponent("mirador"))
                try await body(folder) { arguments in
                    await ReadinessCLITests.run(
                        arguments + ["--config", config], in: folder,
                        environment: ["OLLAMA_HOST": url.absoluteString]
                    )
                }
            }
        }
    }

    @Test func `diagnose names the missing models in build order and writes the report and both scripts`() async throws {
        try await Self.withPhase1 { folder, run in
            let result = await run(["diagnose", "--out", "diag"])
            #expect(result.status == .notReady)
            #expect(result.out.hasPrefix("""
                6 models in readiness.json: 3 missing, 0 drifted.
                Build order: \(Self.missing.joined(separator: ", "))

                """))
            for (name, permissions) in [
                ("model_diagnostic_report.md", 0o644), ("model_diagnostic_report.json", 0o644),
                ("build_critical_models.sh", 0o755), ("validate_critical_models.sh", 0o755),
            ] {
                let path = folder.appendingPathComponent("diag/\(name)").path
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                #expect((attributes[.posixPermissions] as? Int) == permissions, "\(name)")
            }
            let report = try String(contentsOf: folder.appendingPathComponent("diag/model_diagnostic_report.md"), encoding: .utf8)
            for model in Self.missing { #expect(report.contains(model)) }
        }
    }

    @Test func `build plans in a dry run without sending anything, then builds, and diagnose and validate pass`() async throws {
        try await Self.withPhase1 { folder, run in
            let plan = await run(["build", "--dry-run"])
            #expect(plan.status == .success)
            #expect(plan.out.contains("[1/3] would create financial_planning_expert_v6 FROM llama3.2:3b\n"))
            #expect(await run(["diagnose", "--out", "before"]).status == .notReady, "a dry run created nothing")
            let failing = await run(["validate"])
            #expect(failing.status == .notReady)
            #expect(failing.out.contains("FAIL financial_planning_expert_v6: "))

            let history = StateFiles.beside(folder.appendingPathComponent("mirador/readiness.json")).history
            #expect(!FileManager.default.fileExists(atPath: history.path), "a dry run starts no history")
            let build = await run(["build"])
            #expect(build.status == .success)
            #expect(build.out.hasSuffix("Done: all 3 missing models are present.\n"))
            let entry = try #require(HistoryLog.read(history).entries.first)
            #expect(entry.command == "build" && entry.outcome == "ok" && entry.ollamaVersion == "0.12.6")
            #expect(entry.changes.first == "[1/3] built financial_planning_expert_v6: create financial_planning_expert_v6 FROM llama3.2:3b")
            #expect(await run(["diagnose", "--out", "after"]).status == .success)
            let validate = await run(["validate"])
            #expect(validate.status == .success)
            #expect(validate.out.hasSuffix("Validated 6 critical models: 6 passed, 0 failed.\n"))
            #expect(await run(["build"]).out.hasSuffix("Nothing to build: Ollama has every model of the fleet.\n"))
            #expect(HistoryLog.read(history).entries.map(\.outcome) == ["ok", "ok"], "a build with nothing to do joins the history")
        }
    }

    @Test func `inventory writes the live fleet as a table`() async throws {
        try await Self.withPhase1 { folder, run in
            let result = await run(["inventory", "--write", "docs/MODEL_INVENTORY.md"])
            #expect(result.status == .success)
            #expect(result.out == "Wrote docs/MODEL_INVENTORY.md\n")
            let table = try String(contentsOf: folder.appendingPathComponent("docs/MODEL_INVENTORY.md"), encoding: .utf8)
            #expect(table.contains("| matthew_context_provider_v2 | "))
            #expect(!table.contains("| financial_planning_expert_v6 | "), "a missing model is not in the live inventory")
        }
    }

    @Test(arguments: ["diagnose", "build", "validate", "inventory"])
    func `a fleet command with Ollama down or a bad config says why and exits 2`(_ command: String) async {
        await DomainFixtures.withTemporaryDirectory { folder in
            let down = await ReadinessCLITests.run(
                [command, "--config", ReadinessCLITests.config, "--ollama", "http://127.0.0.1:9"], in: folder
            )
            // validate has an answer per model (each FAILs); the others cannot tell at all.
            #expect(down.status == (command == "validate" ? .notReady : .undecided))
            let bad = await ReadinessCLITests.run([command, "--config", "missing.json"], in: folder)
            #expect(bad.status == .undecided)
            #expect(bad.err == "Error: the configuration cannot be used: \(folder.path)/missing.json: file not found. Create it (fixtures/mirador/readiness.json is an example) or set READINESS_CONFIG to its path.\n")
        }
    }

    @Test func `a switch given a value is a usage error`() async {
        let result = await ReadinessCLITests.run(["build", "--dry-run=yes"])
        #expect(result.status == .undecided)
        #expect(result.err.hasPrefix("Error: Option '--dry-run' takes no value\n\(BuildCommand.spec.usageLine)\n"))
    }

    @Test func `build pulls a base model Ollama lacks before creating the models built from it`() async throws {
        try await Self.withPhase1("phase1-empty-base") { _, run in
            let diagnosis = await run(["diagnose", "--out", "diag"])
            #expect(diagnosis.status == .notReady)
            let build = await run(["build"])
            #expect(build.status == .success, "\(build.out)\(build.err)")
            #expect(build.out.contains("pull llama3.2:3b"))
            #expect(build.out.hasSuffix("Done: all 3 missing models are present.\n"))
            #expect(await run(["validate"]).status == .success)
        }
    }
}

extension FleetCommandsTests {
    @Test func `a fleet command run inside the readiness package finds its readiness.json as check does`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let package = folder.appendingPathComponent("checks")
            try FileManager.default.copyItem(at: DomainFixtures.mirador, to: package)
            try Data().write(to: package.appendingPathComponent("Package.swift"))
            let inside = package.appendingPathComponent("Tests/ReadinessChecks")
            try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
            let status = await ReadinessCLITests.run(["migrate", "status"], in: inside)
            #expect(status.status == .success, "\(status.err)")
            #expect(status.out.contains("0 of 6 steps migrated"))
            let elsewhere = await ReadinessCLITests.run(["migrate", "status"], in: folder)
            #expect(elsewhere.status == .undecided)
            #expect(elsewhere.err.contains("readiness.json"), "\(elsewhere.err)")
        }
    }
}
