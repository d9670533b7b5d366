import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

struct GateStepTests {
    /// A copy of the Mirador config in `folder`, whose backup.directory is `backups` inside its state folder.
    static func config(in folder: URL, backups: [String]) throws -> URL {
        let mirador = folder.appendingPathComponent("mirador")
        try FileManager.default.copyItem(at: DomainFixtures.mirador, to: mirador)
        if !backups.isEmpty {
            try BackupFixtures.write(backups, in: mirador.appendingPathComponent(".readiness/backups/2026-11-25T10-00-00Z"))
        }
        try backdate(mirador)
        return mirador.appendingPathComponent("readiness.json")
    }

    /// Dates every file in `folder` before the recorded runs, as if the config was written before the check.
    static func backdate(_ folder: URL) throws {
        let before = Date(timeIntervalSince1970: 1_795_000_000)
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            try FileManager.default.setAttributes([.modificationDate: before], ofItemAtPath: url.path)
        }
    }

    @Test func `step 3 of phase1 may go once the three working models are backed up`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try Self.config(in: folder, backups: Array(DomainFixtures.miradorModels.prefix(3)))
            let result = await ReadinessCLITests.run(
                ["gate", "--step", "3", StreamFixtures.events("phase1").path, "--attachments", StreamFixtures.attachments("phase1").path,
                 "--config", config.path],
                in: folder
            )
            #expect(result.status == .success)
            #expect(result.out == """
                Migration step 3: matthew_context_provider_v2, louisville_expert_v3, enhanced_agent_enforcer_v2
                Next:
                - Migrate enhanced_agent_enforcer_v2, then run 'readiness gate --step 4' after the next check.
                READY: Step 3 may go: matthew_context_provider_v2, louisville_expert_v3, enhanced_agent_enforcer_v2 pass availability, functionality and performance and are backed up.

                """)
        }
    }

    @Test func `step 4 of phase1 is blocked by the missing model and its missing backup`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try Self.config(in: folder, backups: Array(DomainFixtures.miradorModels.prefix(3)))
            let decision = StepGate.decide(
                step: 4, config: try ReadinessConfig.load(from: config, environment: [:]),
                report: try StreamFixtures.report("phase1"),
                backups: StepGate.backupFiles(in: config.deletingLastPathComponent().appendingPathComponent(".readiness/backups"))
            )
            #expect(decision.outcome == .notReady)
            #expect(decision.blockers == [
                "financial_planning_expert_v6 fails models-available: financial_planning_expert_v6 is missing from Ollama",
                "financial_planning_expert_v6 fails models-respond: financial_planning_expert_v6 answered 0 of 2 prompts: model 'financial_planning_expert_v6' not found",
                "financial_planning_expert_v6 fails response-time: financial_planning_expert_v6 did not answer any prompt",
                "financial_planning_expert_v6 fails quality: financial_planning_expert_v6 produced no answers to score",
                "no backup of financial_planning_expert_v6: no manifest.json under \(config.deletingLastPathComponent().path)/.readiness/backups lists it",
            ])
            #expect(decision.actions.first == "ollama create financial_planning_expert_v6 -f fixtures/mirador/modelfiles/financial_planning_expert_v6.Modelfile")
            #expect(decision.actions.last == "readiness backup --config \(config.path) --model financial_planning_expert_v6")
        }
    }

    @Test func `a step reads the last check's report.json and fails closed on an incomplete run`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try Self.config(in: folder, backups: DomainFixtures.miradorModels)
            try ReportWriter.writeAll(try StreamFixtures.report("crash"), to: folder.appendingPathComponent("readiness-report"))
            let result = await ReadinessCLITests.run(["gate", "--step", "1", "--config", config.path], in: folder)
            #expect(result.status == .undecided)
            #expect(result.out.contains("- the last run is incomplete: the test run never ended while 11 tests were running"))
        }
    }

    @Test func `a step without a report, or beyond the fleet, cannot be decided`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try Self.config(in: folder, backups: [])
            let missing = await ReadinessCLITests.run(["gate", "--step", "1", "--config", config.path], in: folder)
            #expect(missing.status == .undecided)
            #expect(missing.err == "Error: 'readiness-report/report.json' does not exist. Run 'readiness check' (or 'readiness report EVENTS.jsonl') first, or pass the EVENTS.jsonl of a run.\n")
            let beyond = StepGate.decide(
                step: 7, config: try ReadinessConfig.load(from: config, environment: [:]),
                report: try StreamFixtures.report("healthy"), backups: []
            )
            #expect(beyond.outcome == .undecided)
            #expect(beyond.actions == ["Pass --step between 1 and 6."])
        }
    }
}
