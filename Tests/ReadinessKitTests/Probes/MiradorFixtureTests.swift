import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

@Suite struct MiradorFixtureTests {
    static let scripts = ["backup_models.sh", "rollback_model.sh", "migrate_model.sh"]
    static let systems = [
        "matthew_context_provider_v2": "You provide personal context about Matthew: his priorities, family, goals and career, so other agents can tailor advice.",
        "louisville_expert_v3": "You are an expert on Louisville, Kentucky: neighborhoods, schools, housing and cost of living.",
        "enhanced_agent_enforcer_v2": "You review plans and answers against the rules and point out risk, gaps and missing steps.",
        "financial_planning_expert_v6": "You are a careful financial planner who explains budgeting, debt, saving and investing in plain language.",
        "decision_simplifier_v2": "You simplify decisions by listing each option, its trade-off and a clear recommendation.",
        "enhanced_agent_fast_v6": "You give short, practical answers in one to three sentences.",
    ]

    @Test(arguments: scripts)
    func `every fixture script is executable and passes bash -n`(name: String) async {
        let check = await ScriptProbe.check(DomainFixtures.mirador.appendingPathComponent("scripts/\(name)"))
        #expect(check.passed, "\(check.message)")
    }

    @Test(arguments: DomainFixtures.miradorModels)
    func `every fixture Modelfile parses with the agreed settings`(model: String) throws {
        let url = DomainFixtures.mirador.appendingPathComponent("modelfiles/\(model).Modelfile")
        let modelfile = try Modelfile.parse(String(contentsOf: url, encoding: .utf8))
        let temperature = ["enhanced_agent_enforcer_v2", "decision_simplifier_v2"].contains(model) ? "0.2" : "0.3"
        #expect(modelfile.from == "llama3.2:3b")
        #expect(modelfile.system == Self.systems[model])
        #expect(modelfile.parameters == ["temperature": [temperature], "num_ctx": ["4096"], "top_p": ["0.9"]])
    }

    @Test func `the migration dry run of readiness.json exits 0 without an ollama CLI`() async throws {
        let config = try ReadinessConfig.load(from: DomainFixtures.mirador.appendingPathComponent("readiness.json"), environment: [:])
        let script = try #require(config.migration?.scripts.first)
        let run = await ScriptProbe.run(script.path, arguments: script.dryRun ?? [], environment: ["PATH": "/usr/bin:/bin"], timeout: .seconds(30))
        #expect(run.passed, "\(run.message)")
        #expect(run.result?.stdout.contains("ollama create matthew_context_provider_v2 -f ") == true)
    }

    /// Runs a fixture script with a fake `ollama` first on PATH that logs its arguments.
    /// `FAKE_RUN_FAILS=1` makes `ollama run` fail.
    func runWithFakeOllama(_ script: String, _ arguments: [String], in folder: URL, runFails: Bool = false) async throws -> (Subprocess.Result, [String]) {
        let log = folder.appendingPathComponent("ollama.log")
        try DomainFixtures.write("""
            #!/bin/bash
            echo "$*" >> "\(log.path)"
            case "$1 $2" in
              "show --modelfile") printf 'FROM /blobs/sha256-abc\\nSYSTEM deployed %s\\n' "$3" ;;
              "run "*) [ "${FAKE_RUN_FAILS:-0}" = 1 ] && { echo "model crashed" >&2; exit 1; }; echo "I am working." ;;
            esac
            """, to: "bin/ollama", in: folder, permissions: 0o755)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        environment["BACKUP_DIR"] = folder.appendingPathComponent("backups").path
        environment["FAKE_RUN_FAILS"] = runFails ? "1" : "0"
        let result = try await Subprocess.run(
            DomainFixtures.mirador.appendingPathComponent("scripts/\(script)").path, arguments, environment: environment, timeout: .seconds(60)
        )
        let lines = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return (result, lines)
    }

    @Test func `backup writes each model's Modelfile from ollama show`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let (result, calls) = try await runWithFakeOllama("backup_models.sh", ["louisville_expert_v3", "decision_simplifier_v2"], in: folder)
            #expect(result.succeeded, "\(result.stderr)")
            #expect(calls == ["show --modelfile louisville_expert_v3", "show --modelfile decision_simplifier_v2"])
            let stamps = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("backups").path)
            let backup = folder.appendingPathComponent("backups/\(try #require(stamps.first))/louisville_expert_v3.Modelfile")
            #expect(try Modelfile.parse(String(contentsOf: backup, encoding: .utf8)).system == "deployed louisville_expert_v3")
        }
    }

    @Test func `migration backs up, creates and validates the model`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let (result, calls) = try await runWithFakeOllama("migrate_model.sh", ["enhanced_agent_fast_v6"], in: folder)
            #expect(result.succeeded, "\(result.stderr)")
            let modelfile = DomainFixtures.mirador.appendingPathComponent("modelfiles/enhanced_agent_fast_v6.Modelfile").standardizedFileURL.path
            #expect(calls == [
                "show enhanced_agent_fast_v6", "show --modelfile enhanced_agent_fast_v6",
                "create enhanced_agent_fast_v6 -f \(modelfile)",
                "run enhanced_agent_fast_v6 Reply with one short sentence: are you working?",
            ])
        }
    }

    @Test func `a migration whose validation fails rolls back to the backup and exits 1`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let (result, calls) = try await runWithFakeOllama("migrate_model.sh", ["enhanced_agent_fast_v6"], in: folder, runFails: true)
            #expect(result.status == 1 && !result.signaled)
            #expect(result.stderr.hasSuffix("migrate_model.sh: error: enhanced_agent_fast_v6 did not answer the validation prompt; enhanced_agent_fast_v6 was rolled back\n"))
            let rollback = try #require(calls.last)
            #expect(rollback.hasPrefix("create enhanced_agent_fast_v6 -f \(folder.path)/backups/"))
            #expect(rollback.hasSuffix("/enhanced_agent_fast_v6.Modelfile"))
        }
    }

    @Test func `scripts reject bad usage with exit code 2`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let (migrate, _) = try await runWithFakeOllama("migrate_model.sh", ["a", "b"], in: folder)
            #expect(migrate.status == 2)
            #expect(migrate.stderr.hasSuffix("migrate_model.sh: error: migrate one model at a time\n"))
            let (rollback, _) = try await runWithFakeOllama("rollback_model.sh", ["--bogus"], in: folder)
            #expect(rollback.status == 2)
            #expect(rollback.stderr.hasSuffix("rollback_model.sh: error: unknown option '--bogus'\n"))
        }
    }
}
