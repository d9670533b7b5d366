import FleetKit
import Foundation
import OllamaSimulator
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// A Mirador fleet in a temporary folder, a healthy simulator, and the last check's report, for the commands
/// that change the fleet.
struct MigrationBench {
    var folder: URL
    var config: URL
    var ollama: URL

    var files: StateFiles { StateFiles.beside(config) }

    /// Runs `body` with a fresh bench whose report.json is the healthy run of this config.
    static func with(_ body: (MigrationBench) async throws -> Void) async throws {
        let scenario = try Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/healthy.json"))
        try await withSimulator(scenario) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let bench = MigrationBench(folder: folder, config: try GateStepTests.config(in: folder, backups: []), ollama: url)
                try bench.writeReport()
                try await body(bench)
            }
        }
    }

    /// Writes readiness-report/report.json of the healthy run against the bench's simulator, its run started at
    /// `runStarted` if given.
    func writeReport(runStarted: String? = nil) throws {
        let checked = try ReadinessConfig.load(from: config, environment: ["OLLAMA_HOST": ollama.absoluteString])
        var report = try StreamFixtures.report("healthy", config: checked)
        if let runStarted { report.timings.runStarted = runStarted }
        try ReportWriter.writeAll(report, to: folder.appendingPathComponent("readiness-report"))
    }

    /// `readiness ARGUMENTS --config … [--ollama …]` in the bench's folder.
    func run(_ arguments: [String], ollama: Bool = true) async -> (status: ExitCode, out: String, err: String) {
        await ReadinessCLITests.run(arguments + ["--config", config.path] + (ollama ? ["--ollama", self.ollama.absoluteString] : []), in: folder)
    }

    /// migration.json as written, or `nil` when there is none.
    func state() throws -> MigrationState? {
        guard let data = FileManager.default.contents(atPath: files.migration.path) else { return nil }
        return try JSONDecoder().decode(MigrationState.self, from: data)
    }

    /// The statuses of the six steps.
    func statuses() throws -> [MigrationState.Status]? {
        try state()?.steps.map(\.status)
    }

    /// The commands and outcomes of history.jsonl.
    func history() -> [String] {
        HistoryLog.read(files.history).entries.map { "\($0.command) \($0.outcome)" }
    }
}

extension StateFiles {
    /// The default state folder of the fleet whose readiness.json is `config`: `.readiness` beside it.
    static func beside(_ config: URL) -> StateFiles {
        StateFiles(folder: config.deletingLastPathComponent().appendingPathComponent(".readiness", isDirectory: true))
    }
}
