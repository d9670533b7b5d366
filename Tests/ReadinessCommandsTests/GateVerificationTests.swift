import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// `readiness gate --step` verifies what it is shown: backups that can restore, and a report of this config,
/// decided, complete for the step's models and newer than what it measured.
struct GateVerificationTests {
    struct BadBackup: Sendable, CustomTestStringConvertible {
        var name: String
        var make: @Sendable (URL) throws -> Void
        var reason: String
        var testDescription: String { name }
    }

    static let model = "matthew_context_provider_v2"

    /// Each row damages the backup of `model` in `backups/2026-11-25T10-00-00Z` after it was taken.
    @Test(arguments: [
        BadBackup(name: "an empty Modelfile listed with its checksum", make: { folder in
            try BackupFixtures.write([model], in: folder, modelfiles: [model: ""])
        }, reason: "is empty"),
        BadBackup(name: "no FROM line", make: { folder in
            try BackupFixtures.write([model], in: folder, modelfiles: [model: "PARAMETER num_ctx 4096\n"])
        }, reason: "is not a usable Modelfile: no FROM line"),
        BadBackup(name: "a Modelfile changed after the backup", make: { folder in
            try BackupFixtures.write([model], in: folder)
            try Data("FROM llama3\nSYSTEM edited\n".utf8).write(to: folder.appendingPathComponent("\(model).Modelfile"))
        }, reason: "changed since the backup (sha256 "),
        BadBackup(name: "a Modelfile gone", make: { folder in
            try BackupFixtures.write([model], in: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("\(model).Modelfile"))
        }, reason: "is missing"),
        BadBackup(name: "a bare Modelfile without a manifest", make: { folder in
            try DomainFixtures.write("FROM llama3\n", to: "\(model).Modelfile", in: folder)
        }, reason: "is listed in no manifest.json, so it is not a verified backup"),
    ])
    func `a backup that cannot restore its model does not count`(_ row: BadBackup) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: [])
            let backup = config.deletingLastPathComponent().appendingPathComponent(".readiness/backups/2026-11-25T10-00-00Z")
            try row.make(backup)
            let result = await ReadinessCLITests.run(
                ["gate", "--step", "1", StreamFixtures.events("healthy").path, "--attachments", StreamFixtures.attachments("healthy").path,
                 "--config", config.path],
                in: folder
            )
            #expect(result.status == .notReady)
            #expect(result.out.contains("- no backup of \(Self.model): \(backup.path)/\(Self.model).Modelfile \(row.reason)"), "\(result.out)")
            #expect(result.out.contains("- readiness backup --config \(config.path) --model \(Self.model)"), "\(result.out)")
            #expect(result.out.contains("NOT READY: Step 1 is blocked"))
        }
    }

    struct StaleReport: Sendable, CustomTestStringConvertible {
        var name: String
        /// Changes the report or the files after the check, given the config file.
        var change: @Sendable (inout ReadinessReport, URL) throws -> Void
        var gap: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        StaleReport(name: "undecided", change: { report, _ in report.verdict = .undecided; report.summary = "Gate 'phase2' cannot be decided: x." },
                    gap: "the last run is undecided: Gate 'phase2' cannot be decided: x."),
        StaleReport(name: "a needed criterion filtered out", change: { report, _ in
            let index = report.criteria.firstIndex { $0.id == "quality" }!
            report.criteria[index].rows = []
            report.criteria[index].status = .missing
        }, gap: "'quality' did not run in the last run (filtered out or crashed)"),
        StaleReport(name: "a step model's result missing", change: { report, _ in
            let index = report.criteria.firstIndex { $0.id == "response-time" }!
            report.criteria[index].rows.removeAll { $0.model == GateVerificationTests.model }
        }, gap: "no result of 'response-time' for matthew_context_provider_v2 in the last run"),
        StaleReport(name: "of another Modelfile", change: { _, config in
            let modelfile = config.deletingLastPathComponent().appendingPathComponent("modelfiles/louisville_expert_v3.Modelfile")
            let handle = try FileHandle(forWritingTo: modelfile)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n# edited\n".utf8))
            try handle.close()
        }, gap: "louisville_expert_v3.Modelfile (the Modelfile of louisville_expert_v3) is not the one the last run measured"),
        StaleReport(name: "without Modelfile fingerprints", change: { report, _ in report.source.modelfileSHA256 = nil },
                    gap: "the last report records no fingerprints of the Modelfiles"),
        StaleReport(name: "of another config", change: { _, config in
            let handle = try FileHandle(forWritingTo: config)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("\n".utf8))
            try handle.close()
            try GateStepTests.backdate(config.deletingLastPathComponent())
        }, gap: "the last report was made with another readiness.json than"),
        StaleReport(name: "of another Ollama", change: { report, _ in report.ollama.host = "http://u:***@10.9.9.9:11434" },
                    gap: "the last report checked http://u:***@10.9.9.9:11434, not http://127.0.0.1:11434, which this step changes; run 'readiness check' against it"),
        StaleReport(name: "of several hosts, the step model measured on another alone", change: { report, _ in
            report.ollama.hosts = ["http://127.0.0.1:11434", "http://10.0.0.2:11434"]
            for index in report.criteria.indices {
                for row in report.criteria[index].rows.indices { report.criteria[index].rows[row].host = "http://10.0.0.2:11434" }
            }
        }, gap: "no result of 'quality' for matthew_context_provider_v2 on http://127.0.0.1:11434 in the last run"),
        StaleReport(name: "without an Ollama host", change: { report, _ in report.ollama.host = nil },
                    gap: "the last report records no Ollama host"),
        StaleReport(name: "without a fingerprint", change: { report, _ in report.source.configSHA256 = nil },
                    gap: "the last report records no fingerprint of its readiness.json"),
    ])
    func `a report that cannot speak for this config and fleet leaves the step undecided`(_ row: StaleReport) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: DomainFixtures.miradorModels)
            var report = try StreamFixtures.report("healthy", config: try ReadinessConfig.load(from: config, environment: [:]))
            try row.change(&report, config)
            try ReportWriter.writeAll(report, to: folder.appendingPathComponent("readiness-report"))
            let result = await ReadinessCLITests.run(["gate", "--step", "2", "--config", config.path], in: folder)
            #expect(result.status == .undecided)
            #expect(result.out.contains(row.gap), "\(result.out)")
            #expect(result.out.contains("UNDECIDED: Step 2 cannot be decided: "))
        }
    }

    @Test func `a report copied into a fresh checkout opens the step: new file times, the same contents`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: DomainFixtures.miradorModels)
            let report = try StreamFixtures.report("healthy", config: try ReadinessConfig.load(from: config, environment: [:]))
            try ReportWriter.writeAll(report, to: folder.appendingPathComponent("readiness-report"))
            // A checkout writes every file anew: readiness.json and the Modelfiles are now newer than the run.
            let later = Date().addingTimeInterval(3600)
            let modelfiles = config.deletingLastPathComponent().appendingPathComponent("modelfiles")
            for file in try FileManager.default.contentsOfDirectory(atPath: modelfiles.path) {
                try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: modelfiles.appendingPathComponent(file).path)
            }
            try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: config.path)
            let result = await ReadinessCLITests.run(["gate", "--step", "2", "--config", config.path], in: folder)
            #expect(result.status == .success, "\(result.out)")
        }
    }

    @Test func `a Modelfile edited while the run was going makes the run undecided, naming the file`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: DomainFixtures.miradorModels)
            let loaded = try ReadinessConfig.load(from: config, environment: [:])
            let modelfile = config.deletingLastPathComponent().appendingPathComponent("modelfiles/louisville_expert_v3.Modelfile")
            try Data("FROM llama3.2:3b\n".utf8).write(to: modelfile)
            let report = try StreamFixtures.report("healthy", config: loaded)
            #expect(report.verdict != .ready)
            #expect(report.problems.contains { $0.message.contains("louisville_expert_v3.Modelfile (the Modelfile of louisville_expert_v3) changed while the run was going") })
        }
    }

    @Test func `a fresh report of this config with verified backups lets the step go`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: DomainFixtures.miradorModels)
            let report = try StreamFixtures.report("healthy", config: try ReadinessConfig.load(from: config, environment: [:]))
            try ReportWriter.writeAll(report, to: folder.appendingPathComponent("readiness-report"))
            let result = await ReadinessCLITests.run(["gate", "--step", "2", "--config", config.path], in: folder)
            #expect(result.status == .success, "\(result.out)")
        }
    }
}
