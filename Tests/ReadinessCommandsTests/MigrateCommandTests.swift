import FleetKit
import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

@Suite(.timeLimit(.minutes(1)))
struct MigrateCommandTests {
    static let first = "matthew_context_provider_v2", second = "louisville_expert_v3"
    /// After the context's clock (StreamFixtures.generatedAt), so `done` accepts the report as newer than the gate.
    static let later = "2026-11-25T10:00:00.000Z"

    @Test func `the migration goes step by step, and every refusal leaves the state as it was`() async throws {
        try await MigrationBench.with { bench in
            // Without migration.json only 'next --step 1' begins: a CI job not handed the state must not restart.
            let noState = MigrationRefusal.noState(bench.files.migration.path)
            for action in [["done"], ["next", "--step", "2"], ["next"], ["rollback"], ["pause"], ["resume"]] {
                let early = await bench.run(["migrate"] + action)
                #expect(early.status == .undecided)
                #expect(early.err == "Error: 'migrate \(action[0])' refused: \(noState)\n")
                #expect(try bench.state() == nil)
            }
            let unbegun = await bench.run(["migrate", "status"])
            #expect(unbegun.status == .success)
            #expect(unbegun.out.hasPrefix("Note: no migration state at mirador/.readiness/migration.json: if the migration has not begun"))

            let next = await bench.run(["migrate", "next", "--step", "1"])
            #expect(next.status == .success, "\(next.err)")
            #expect(next.out.hasPrefix("Step 1 of 6: \(Self.first) is gated.\nBackup: mirador/.readiness/backups/2026-11-25T09-46-40Z (verified).\nChecks passed by \(Self.first): models-available, models-respond, response-time, quality"), "\(next.out)")
            #expect(next.out.hasSuffix("Next: migrate \(Self.first), run 'readiness check', then 'readiness migrate done' (or 'readiness migrate rollback').\n"))
            var state = try #require(try bench.state())
            #expect(state.steps.map(\.status) == [.gated] + Array(repeating: .pending, count: 5))
            #expect(state.steps[0].baseline?[Self.first]?[CriterionResult.Metric.quality] == 0.92)
            #expect(state.steps[0].backup == "backups/2026-11-25T09-46-40Z", "recorded inside the state folder")
            #expect(BackupManifest.verify(folder: bench.files.resolve(try #require(state.steps[0].backup))).usable == [Self.first])

            let again = await bench.run(["migrate", "next"])
            #expect(again.err.contains("refused: step 1 (\(Self.first)) is gated and not done"))
            let stale = await bench.run(["migrate", "done"])
            #expect(stale.status == .undecided)
            #expect(stale.err.contains("is not newer than step 1's gate (2026-11-25T09:46:40Z): migrate \(Self.first), run 'readiness check', then 'done' again"))
            #expect(try bench.state() == state)

            try bench.writeReport(runStarted: Self.later)
            let done = await bench.run(["migrate", "done"])
            #expect(done.status == .success, "\(done.err)")
            #expect(done.out.contains("\(Self.first): quality 0.92 → 0.92 (+0), latency_avg_s 1.2 → 1.2 (+0)"), "\(done.out)")
            state = try #require(try bench.state())
            #expect(state.steps.map(\.status) == [.migrated] + Array(repeating: .pending, count: 5))
            #expect(state.steps[0].after?[Self.first] != nil)

            let skip = await bench.run(["migrate", "next", "--step", "3"])
            #expect(skip.err == "Error: 'migrate next' refused: step 3 is out of order: step 2 (\(Self.second)) comes first\n")
            #expect(await bench.run(["migrate", "pause", "--reason", "waiting for the weekend"]).status == .success)
            #expect(try bench.state()?.paused?.reason == "waiting for the weekend")
            let paused = await bench.run(["migrate", "next"])
            #expect(paused.status == .undecided)
            #expect(paused.err == "Error: 'migrate next' refused: the migration is paused since 2026-11-25T09:46:40Z (waiting for the weekend); run 'readiness migrate resume' to continue\n")
            #expect(try bench.statuses() == [.migrated] + Array(repeating: .pending, count: 5))
            let status = await bench.run(["migrate", "status"], ollama: false)
            #expect(status.out.contains("2     \(Self.second)"))
            #expect(status.out.contains("paused"))
            #expect(await bench.run(["migrate", "resume"]).status == .success)
            #expect(await bench.run(["migrate", "resume"]).err.contains("refused: the migration is not paused"))
            #expect(try bench.state()?.paused == nil)

            #expect(await bench.run(["migrate", "next"]).status == .success)
            #expect(try bench.statuses() == [.migrated, .gated] + Array(repeating: .pending, count: 4))
            let outOfOrder = await bench.run(["migrate", "rollback", "--step", "1"])
            #expect(outOfOrder.err.contains("refused: step 1 is out of order: step 2 (\(Self.second)) is gated; roll it back first"))
            let rollback = await bench.run(["migrate", "rollback"])
            #expect(rollback.status == .success, "\(rollback.err)")
            #expect(rollback.out.hasSuffix("Step 2: \(Self.second) is rolled back. 'readiness migrate next' tries the step again.\n"))
            #expect(try bench.statuses() == [.migrated, .rolledBack] + Array(repeating: .pending, count: 4))

            #expect(bench.history() == [
                "migrate done refused", "migrate next refused", "migrate next refused", "migrate rollback refused", "migrate pause refused",
                "migrate resume refused", "migrate next ok", "migrate next refused", "migrate done refused", "migrate done ok",
                "migrate next refused", "migrate pause ok", "migrate next refused", "migrate resume ok", "migrate resume refused",
                "migrate next ok", "migrate rollback refused", "migrate rollback ok",
            ])
            #expect(!FileManager.default.fileExists(atPath: bench.files.lock.path))
        }
    }

    @Test func `a state folder handed to a later job carries the migration from next to done`() async throws {
        try await MigrationBench.with { bench in
            let next = await bench.run(["migrate", "next", "--step", "1", "--state", "job-1/state"])
            #expect(next.status == .success, "\(next.err)")
            #expect(!FileManager.default.fileExists(atPath: bench.files.folder.path), "nothing in the default state folder")
            // The next job downloads the artifact elsewhere and names it with READINESS_STATE_DIR.
            try FileManager.default.moveItem(at: bench.folder.appendingPathComponent("job-1/state"), to: bench.folder.appendingPathComponent("job-2-state"))
            try bench.writeReport(runStarted: Self.later)
            let lost = await bench.run(["migrate", "done"])
            #expect(lost.status == .undecided)
            #expect(lost.err.contains("no migration state at \(bench.files.migration.path)"), "\(lost.err)")
            let done = await ReadinessCLITests.run(
                ["migrate", "done", "--config", bench.config.path, "--ollama", bench.ollama.absoluteString], in: bench.folder,
                environment: ["READINESS_STATE_DIR": "job-2-state"]
            )
            #expect(done.status == .success, "\(done.err)")
            let moved = StateFiles(folder: bench.folder.appendingPathComponent("job-2-state"))
            let state = try JSONDecoder().decode(MigrationState.self, from: Data(contentsOf: moved.migration))
            #expect(state.steps.map(\.status) == [.migrated] + Array(repeating: .pending, count: 5))
            #expect(BackupManifest.verify(folder: moved.resolve(try #require(state.steps[0].backup))).usable == [Self.first])
            #expect(FileManager.default.fileExists(atPath: moved.history.path))
        }
    }

    @Test func `a second process is refused while the lock is held, and the lock stays its holder's`() async throws {
        try await MigrationBench.with { bench in
            try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
            try Data("4242\n".utf8).write(to: bench.files.lock)
            let result = await bench.run(["migrate", "next"])
            #expect(result.status == .undecided)
            #expect(result.err == "Error: 'migrate next' refused: another 'readiness migrate' (pid 4242) is changing the migration: wait for it to finish; if no such process runs, remove \(bench.files.lock.path)\n")
            #expect(try bench.state() == nil)
            #expect(FileManager.default.fileExists(atPath: bench.files.lock.path))
        }
    }

    @Test func `a rollback of a step without a backup is refused`() async throws {
        try await MigrationBench.with { bench in
            var state = MigrationState(models: DomainFixtures.miradorModels)
            state.steps[0].status = .gated
            try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(state).write(to: bench.files.migration)
            let result = await bench.run(["migrate", "rollback"])
            #expect(result.status == .undecided)
            #expect(result.err == "Error: 'migrate rollback' refused: step 1 (\(Self.first)) has no backup to roll back from: 'readiness migrate next' takes one\n")
            #expect(try bench.state() == state)
        }
    }

    @Test func `next is blocked by the step gate without changing the state`() async throws {
        try await MigrationBench.with { bench in
            try ReportWriter.writeAll(try StreamFixtures.report("phase1", config: try ReadinessConfig.load(from: bench.config, environment: [:])), to: bench.folder.appendingPathComponent("readiness-report"))
            var state = MigrationState(models: DomainFixtures.miradorModels)
            for index in 0..<3 { state.steps[index].status = .migrated }
            try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(state).write(to: bench.files.migration)
            let result = await bench.run(["migrate", "next"])
            // financial_planning_expert_v6 is installed on the healthy simulator, so it is backed up, but the
            // phase1 report says it failed.
            #expect(result.status == .notReady, "\(result.err)")
            #expect(result.out.hasPrefix("Step 4 (financial_planning_expert_v6) stays as it was: the step gate does not let it go.\nBlocked by:\n- financial_planning_expert_v6 fails models-available"))
            #expect(try bench.state() == state)
            #expect(bench.history() == ["migrate next not-ready"])
        }
    }

    @Test func `a step gated on one Ollama is not done, rolled back or watched on another`() async throws {
        try await MigrationBench.with { bench in
            let next = await bench.run(["migrate", "next", "--step", "1"])
            #expect(next.status == .success, "\(next.err)")
            let state = try #require(try bench.state())
            #expect(state.steps[0].host == bench.ollama.absoluteString)
            let why = "step 1 (\(Self.first)) was gated on \(bench.ollama.absoluteString), not http://127.0.0.1:9: give the same --ollama (or OLLAMA_HOST) as 'readiness migrate next' did"
            for action in ["done", "rollback"] {
                let other = await bench.run(["migrate", action, "--ollama", "127.0.0.1:9"], ollama: false)
                #expect(other.status == .undecided)
                #expect(other.err == "Error: 'migrate \(action)' refused: \(why)\n")
                #expect(try bench.state() == state)
            }
            let watch = await bench.run(["watch", "--once", "--ollama", "127.0.0.1:9"], ollama: false)
            #expect(watch.status == .undecided)
            #expect(watch.err.contains(why), "\(watch.err)")
            #expect(try bench.state()?.paused == nil)
        }
    }

    @Test(arguments: [
        (["migrate", "fly"], "Usage: readiness migrate ACTION [options]"),
        (["migrate", "pause", "--step", "1"], "Usage: readiness migrate pause "),
        (["migrate", "next", "--reason", "x"], "Usage: readiness migrate next "),
    ])
    func `bad migrate command lines are usage errors of the action`(_ arguments: [String], usage: String) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .undecided)
        #expect(result.err.contains("\n" + usage), "\(result.err)")
    }
}
