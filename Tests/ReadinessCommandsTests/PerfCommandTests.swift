import FleetKit
import Foundation
import OllamaSimulator
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// `readiness perf` against ollama-sim in-process: exit statuses, the three files, baseline deltas.
@Suite(.timeLimit(.minutes(1))) struct PerfCommandTests {
    static let config = DomainFixtures.mirador.appendingPathComponent("readiness.json").path
    static let baseline = DomainFixtures.mirador.appendingPathComponent("phase1-baseline.json").path

    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/\(name).json"))
    }

    @Test func `a healthy fleet passes, writes three reports and shows deltas against Phase 1`() async throws {
        try await withSimulator(Self.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let result = await ReadinessCLITests.run(
                    ["perf", "--config", Self.config, "--ollama", url.absoluteString, "--rounds", "2", "--baseline", Self.baseline, "--out", "out"],
                    in: folder)
                #expect(result.status == .success, "\(result.out) \(result.err)")
                for name in ["perf-report.json", "perf-report.md", "perf-report.html"] {
                    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path))
                }
                let document = try PerfDocument.read(Data(contentsOf: folder.appendingPathComponent("out/perf-report.json")))
                #expect(document.overall.queries == 24 && document.overall.successRate == 1)
                #expect(document.minimumLoads == 6 && document.observedLoads == 6)
                let fund = try #require(document.deltas?.first { $0.model == "financial_planning_expert_v6" })
                #expect(fund.presentBefore == false && fund.successRateAfter == 1)
                #expect(result.out.contains("financial_planning_expert_v6: success missing → 100%"))
                let html = try String(contentsOf: folder.appendingPathComponent("out/perf-report.html"), encoding: .utf8)
                #expect(html.contains("<svg") && !html.contains("<script"))
            }
        }
    }

    @Test func `Phase 1 fails its thresholds with exit 1 and groups missing models`() async throws {
        try await withSimulator(Self.scenario("phase1")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let result = await ReadinessCLITests.run(["perf", "--config", Self.config, "--ollama", url.absoluteString], in: folder)
                #expect(result.status == .notReady)
                let document = try PerfDocument.read(Data(contentsOf: folder.appendingPathComponent("perf-report/perf-report.json")))
                #expect(document.overall.errors?["model missing"] == 6)
                #expect(document.passed == false)
            }
        }
    }

    @Test func `a fleet with a history gets a perf line with each model's figures; one without gets none`() async throws {
        try await withSimulator(Self.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                try FileManager.default.copyItem(at: DomainFixtures.mirador, to: folder.appendingPathComponent("mirador"))
                let config = folder.appendingPathComponent("mirador/readiness.json")
                let files = StateFiles.beside(config)
                let arguments = ["perf", "--config", config.path, "--ollama", url.absoluteString, "--model", "louisville_expert_v3"]
                #expect(await ReadinessCLITests.run(arguments, in: folder).status == .success)
                #expect(!FileManager.default.fileExists(atPath: files.folder.path), "perf starts no history")

                try FileManager.default.createDirectory(at: files.folder, withIntermediateDirectories: true)
                #expect(await ReadinessCLITests.run(arguments, in: folder).status == .success)
                let entries = HistoryLog.read(files.history).entries
                #expect(entries.map { "\($0.command) \($0.outcome)" } == ["perf pass"])
                #expect(entries.first?.metrics?.keys.sorted() == ["louisville_expert_v3"])
                #expect(entries.first?.metrics?["louisville_expert_v3"]?[CriterionResult.Metric.successRate] == 1)
                #expect(entries.first?.ollamaVersion == "0.12.6")
                #expect(entries.first?.changes == ["every threshold holds over 1 round; reports in perf-report/"])
            }
        }
    }

    @Test func `bad input exits 2`() async throws {
        #expect(await ReadinessCLITests.run(["perf", "--config", Self.config, "--rounds", "0"]).status == .undecided)
        #expect(await ReadinessCLITests.run(["perf", "--config", Self.config, "--model", "nope"]).status == .undecided)
        #expect(await ReadinessCLITests.run(["perf", "--config", "/no/such/readiness.json"]).status == .undecided)
        let unreachable = await ReadinessCLITests.run(["perf", "--config", Self.config, "--ollama", "http://127.0.0.1:1"])
        #expect(unreachable.status == .undecided && unreachable.err.hasPrefix("Error: "))
        let badBaseline = await ReadinessCLITests.run(["perf", "--config", Self.config, "--baseline", "/no/such.json"])
        #expect(badBaseline.status == .undecided)
    }
}
