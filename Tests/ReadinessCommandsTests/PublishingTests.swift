import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// What `check`, `report` and `gate` do when publishing breaks or a run dies: never a verdict from a broken set.
struct PublishingTests {
    @Test func `a disk full while publishing keeps the previous reports, says so and exits 2`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let out = folder.appendingPathComponent("readiness-report")
            let ready = try StreamFixtures.report("healthy")
            try ReportWriter.writeAll(ready, to: out)
            let err = CapturedOutput(), console = CapturedOutput()
            let context = RunnerContext(
                environment: [:], currentDirectory: folder, isTerminal: false,
                output: { console.append($0) }, errorOutput: { err.append($0) }
            )
            let status = ReportPublisher.publish(try StreamFixtures.report("phase1"), out: "readiness-report", context: context) { data, url in
                if url.lastPathComponent == "report.html" { throw POSIXFailure(call: "write", code: ENOSPC) }
                try DurableFile.create(data, at: url)
            }
            #expect(status == .undecided)
            #expect(err.value == "Error: could not write 'readiness-report/report.html': write: No space left on device; the previous reports in 'readiness-report' were left as they were. Check that the folder is writable.\n")
            #expect(try ReadinessReport.load(from: out.appendingPathComponent("report.json")) == ready)
            #expect(!console.value.contains("Reports: "))
        }
    }

    @Test(arguments: ["shard-1", "./shard-1/", "link"])
    func `a merge whose --out is one of its shard folders publishes nothing there and exits 2`(_ out: String) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let shard = folder.appendingPathComponent("shard-1")
            try ReportWriter.writeAll(try StreamFixtures.report("healthy"), to: shard)
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: shard)
            let before = try Data(contentsOf: shard.appendingPathComponent("report.json"))
            let result = await ReadinessCLITests.run(["merge", "shard-1", "--config", ReadinessCLITests.config, "--out", out], in: folder)
            #expect(result.status == .undecided)
            #expect(result.err.hasPrefix("Error: --out '\(out)' is the shard folder 'shard-1': the merged reports would replace its evidence."), "\(result.err)")
            #expect(try Data(contentsOf: shard.appendingPathComponent("report.json")) == before)
        }
    }

    @Test func `a gate refuses a report.json whose publication did not finish, with exit 2`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: DomainFixtures.miradorModels)
            let out = folder.appendingPathComponent("readiness-report")
            try ReportWriter.writeAll(try StreamFixtures.report("healthy"), to: out)
            try FileManager.default.removeItem(at: out.appendingPathComponent("report.complete"))
            let result = await ReadinessCLITests.run(["gate", "--step", "1", "--config", config.path], in: folder)
            #expect(result.status == .undecided)
            #expect(result.err == "Error: 'readiness-report/report.json' is not from a completed report: there is no report.complete beside it, so its publication did not finish (a run killed or a disk full while writing the reports). Run 'readiness check' (or 'readiness report') again.\n")
            #expect(!result.out.contains("READY"))
        }
    }

    @Test func `check removes the last run's evidence before anything else, even when the config is bad`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let stale = folder.appendingPathComponent("readiness-report/run")
            try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: StreamFixtures.events("healthy"), to: stale.appendingPathComponent("events.jsonl"))
            let result = await ReadinessCLITests.run(["check", "--config", "missing.json"], in: folder, suites: RecordedRun("healthy", status: 0))
            #expect(result.status == .undecided)
            #expect(!FileManager.default.fileExists(atPath: stale.path))
        }
    }

    @Test func `the stream of a check that died mid-run reads as UNDECIDED, not as evidence`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            // A dead check leaves `run/events.jsonl` without runEnded: the recorded crash is such a stream.
            let result = await ReadinessCLITests.run(
                ["check", "--config", ReadinessCLITests.config], in: folder, suites: RecordedRun("crash", status: 1)
            )
            #expect(result.status == .undecided)
            let again = await ReadinessCLITests.run(
                ["report", "readiness-report/run/events.jsonl", "--config", ReadinessCLITests.config, "--out", "again"], in: folder
            )
            #expect(again.status == .undecided)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("again/report.json"))
            #expect(report.verdict == .undecided)
            #expect(report.problems.contains { $0.kind == .runNotEnded })
        }
    }

    /// `readiness report` of a recorded run into `folder/out`.
    static func report(_ fixture: String, in folder: URL) async -> (status: ExitCode, out: String, err: String) {
        await ReadinessCLITests.run([
            "report", StreamFixtures.events(fixture).path, "--config", ReadinessCLITests.config,
            "--attachments", StreamFixtures.attachments(fixture).path, "--out", "out",
        ], in: folder)
    }

    @Test func `a second report into one folder shows the change since the first, in every format`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            #expect(await Self.report("phase1", in: folder).status == .notReady)
            let second = await Self.report("healthy", in: folder)
            #expect(second.status == .success)
            #expect(second.out.contains("\nCompared with the previous run of gate 'phase2' (started 2026-11-25T08:27:59.539Z, NOT READY → READY). Newly passing: models-available, models-respond, success-rate, response-time, quality, configs; 3 of 6 models compared changed status.\nREADY: "))
            let out = folder.appendingPathComponent("out")
            let report = try ReadinessReport.load(from: out.appendingPathComponent("report.json"))
            #expect(report.comparison?.basis == .previousRun)
            #expect(report.comparison?.models.first { $0.name == "decision_simplifier_v2" }?.newlyPassing == ["models-available", "models-respond", "response-time", "quality", "configs"])
            let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            #expect(markdown.contains("| decision_simplifier_v2 | FAIL → PASS |  | 0 → 0.76 (+0.76) |  |  |  |"))
            let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(html.contains("<figure class=\"comparison\"><svg"))
        }
    }

    @Test func `a corrupt previous report.json is noted and changes neither the publication nor the verdict`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try DomainFixtures.write("{\"schemaVersion\": 1, \"verdict\": \"ready\"", to: "out/report.json", in: folder)
            let result = await Self.report("phase1", in: folder)
            #expect(result.status == .notReady)
            #expect(result.err.isEmpty)
            #expect(result.out.contains("\nNo comparison with the previous run: 'out/report.json' is not from a completed report: there is no report.complete beside it, so its publication did not finish (a run killed or a disk full while writing the reports).\n"))
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("out/report.json"))
            #expect(report.verdict == .notReady)
            #expect(report.comparison?.basis == .unreadable)
            #expect(report.comparison?.models.isEmpty == true)
        }
    }

    @Test func `the step summary of a big report stays under 512 KiB while report.md is whole`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            var report = try StreamFixtures.report("phase1")
            report.reasons += (0..<20_000).map { "reason \($0): a long line that makes report.md bigger than GitHub takes" }
            let summary = folder.appendingPathComponent("summary.md")
            try Data("earlier step\n".utf8).write(to: summary)
            let context = RunnerContext(
                environment: ["GITHUB_STEP_SUMMARY": summary.path], currentDirectory: folder, isTerminal: false,
                output: { _ in }, errorOutput: { _ in }
            )
            #expect(ReportPublisher.publish(report, out: "ci-report", context: context) == .notReady)
            let appended = try String(contentsOf: summary, encoding: .utf8).dropFirst("earlier step\n".count)
            let markdown = try String(contentsOf: folder.appendingPathComponent("ci-report/report.md"), encoding: .utf8)
            #expect(markdown.utf8.count > 1024 * 1024)
            #expect(appended.utf8.count <= 512 * 1024)
            #expect(appended.hasSuffix("the whole report is ci-report/report.md and ci-report/report.html, in the --out folder of the run.\n"))
            #expect(markdown.hasPrefix(appended.prefix { $0 != "*" }))
        }
    }
}
