import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// report.md, report.html and report.json show the change since the previous run of the same gate, and only of it.
struct ReportComparisonTests {
    typealias Metric = CriterionResult.Metric

    /// Publishes `previous` into `folder` as `readiness report` does, then compares `current` with it.
    static func compare(_ current: ReadinessReport, after previous: ReadinessReport, in folder: URL) throws -> ReportComparison {
        var previous = previous
        previous.comparison = ReportComparison.sincePrevious(in: folder, for: previous)
        try ReportWriter.writeAll(previous, to: folder)
        return ReportComparison.sincePrevious(in: folder, for: current)
    }

    /// The healthy run with the first model's average latency doubled (1.2 s in both recorded runs).
    static func slowerHealthy() throws -> ReadinessReport {
        var report = try StreamFixtures.report("healthy")
        report.models[0].metrics[Metric.latencyAverage] = 2.4
        return report
    }

    @Test func `two runs in a row give each criterion's and each model's change`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let comparison = try Self.compare(try Self.slowerHealthy(), after: try StreamFixtures.report("phase1"), in: folder)
            #expect(comparison.basis == .previousRun)
            #expect(comparison.note == "Compared with the previous run of gate 'phase2' (started 2026-11-25T08:27:59.539Z, NOT READY → READY).")
            #expect(comparison.previous == .init(gate: "phase2", verdict: .notReady, runStarted: "2026-11-25T08:27:59.539Z", generatedAt: "2026-11-25T09:46:40.000Z"))
            #expect(comparison.newlyPassing == ["models-available", "models-respond", "success-rate", "response-time", "quality", "configs"])
            #expect(comparison.newlyFailing.isEmpty)
            #expect(comparison.models.map(\.name) == DomainFixtures.miradorModels)
            let repaired = try #require(comparison.models.first { $0.name == "financial_planning_expert_v6" })
            #expect(repaired.before == .failed && repaired.after == .passed)
            #expect(repaired.newlyPassing == ["models-available", "models-respond", "response-time", "quality", "configs"])
            #expect(repaired.newlyFailing.isEmpty)
            #expect(repaired.metrics[Metric.quality] == .init(before: 0, after: 0.8, change: 0.8))
            let slower = comparison.models[0]
            #expect(slower.before == .passed && slower.after == .passed && slower.newlyPassing.isEmpty)
            #expect(slower.metrics[Metric.latencyAverage] == .init(before: 1.2, after: 2.4, change: 1.2))
            #expect(slower.metrics[Metric.tokensPerSecond] == .init(before: 42, after: 42, change: 0))
            #expect(Set(slower.metrics.keys) == [Metric.quality, Metric.latencyAverage, Metric.latencyP95, Metric.tokensPerSecond])
        }
    }

    @Test func `a run that breaks what passed names the criteria and models newly failing`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let comparison = try Self.compare(try StreamFixtures.report("phase1"), after: try StreamFixtures.report("healthy"), in: folder)
            #expect(comparison.note == "Compared with the previous run of gate 'phase2' (started 2026-11-25T08:27:59.243Z, READY → NOT READY).")
            #expect(comparison.newlyFailing == ["models-available", "models-respond", "success-rate", "response-time", "quality", "configs"])
            #expect(comparison.newlyPassing.isEmpty)
            #expect(comparison.criteria.first == .init(id: "models-available", before: .passed, after: .failed))
            #expect(comparison.models.filter { $0.after == .failed }.map(\.name) == ["financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6"])
        }
    }

    @Test func `report.md, report.html and report.json carry the comparison`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            var report = try Self.slowerHealthy()
            report.comparison = try Self.compare(report, after: try StreamFixtures.report("phase1"), in: folder)
            let markdown = MarkdownRenderer.render(report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let section = try #require(markdown.firstIndex(of: "## Since the previous run"))
            #expect(Array(markdown[(section + 2)...(section + 9)]) == [
                "_Compared with the previous run of gate 'phase2' (started 2026-11-25T08:27:59.539Z, NOT READY → READY)._",
                "",
                "- Newly passing: models-available, models-respond, success-rate, response-time, quality, configs",
                "- 3 of 6 models compared changed status",
                "",
                "| Model | Status | Success rate | Quality | Avg latency | p95 latency | Tokens/s |",
                "|---|---|---|---|---|---|---|",
                "| financial_planning_expert_v6 | FAIL → PASS |  | 0 → 0.8 (+0.8) |  |  |  |",
            ])
            #expect(markdown.contains("| matthew_context_provider_v2 | PASS |  | 0.92 (no change) | 1.2 s → 2.4 s (+1.2 s) | 2.4 s (no change) | 42 (no change) |"))

            let html = HTMLRenderer.render(report)
            let document = try XMLDocument(data: Data(html.utf8))
            let charts = try document.nodes(forXPath: "//*[local-name()='figure'][@class='comparison']/*[local-name()='svg']")
            #expect(charts.count == 1)
            let bars = try document.nodes(forXPath: "//*[local-name()='figure'][@class='comparison']//*[local-name()='rect']/*[local-name()='title']").map { $0.stringValue ?? "" }
            #expect(bars.contains("matthew_context_provider_v2 (previous): 1.2 s"))
            #expect(bars.contains("matthew_context_provider_v2 (now): 2.4 s"))
            #expect(html.contains("<td>1.2 s → 2.4 s (+1.2 s)</td>"))

            let object = try #require(try JSONSerialization.jsonObject(with: ReadinessReport.encoder().encode(report)) as? [String: Any])
            let json = try #require(object["comparison"] as? [String: Any])
            #expect(json["basis"] as? String == "previous-run")
            let first = try #require((json["models"] as? [[String: Any]])?.first)
            let latency = try #require((first["metrics"] as? [String: Any])?[Metric.latencyAverage] as? [String: Double])
            #expect(latency == ["before": 1.2, "after": 2.4, "change": 1.2])
        }
    }

    struct Unrelated: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var change: @Sendable (inout ReadinessReport) -> Void
        var note: String
    }

    static let unrelated: [Unrelated] = [
        Unrelated(testDescription: "another gate", change: { $0.gate.name = "step-1" },
                  note: "No previous run of gate 'step-1' to compare with: the last report in 'FOLDER' is of gate 'phase2'."),
        Unrelated(testDescription: "another readiness.json", change: { $0.source.configSHA256 = String(repeating: "0", count: 64) },
                  note: "No previous run of gate 'phase2' to compare with: the last report in 'FOLDER' was made with another readiness.json."),
        Unrelated(testDescription: "an unreadable readiness.json", change: { $0.source.configSHA256 = nil },
                  note: "No previous run of gate 'phase2' to compare with: the readiness.json of the last report in 'FOLDER' or of this run is unknown."),
        Unrelated(testDescription: "another Ollama", change: { $0.ollama.host = "http://***@10.0.0.9:11434" },
                  note: "No previous run of gate 'phase2' to compare with: the last report in 'FOLDER' checked HOST, not http://***@10.0.0.9:11434."),
        Unrelated(testDescription: "one shard", change: { $0.source.shard = "2/3" },
                  note: "No previous run of gate 'phase2' to compare with: the last report in 'FOLDER' is of the whole fleet, not shard 2/3."),
        Unrelated(testDescription: "the same run again", change: { $0.timings.runStarted = "2026-11-25T08:27:59.539Z" },
                  note: "No previous run of gate 'phase2' to compare with: the last report in 'FOLDER' is of this same run (started 2026-11-25T08:27:59.539Z)."),
    ]

    @Test(arguments: unrelated)
    func `a previous report of another gate, config or the same run is not compared`(_ row: Unrelated) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            var current = try StreamFixtures.report("healthy")
            row.change(&current)
            let previous = try StreamFixtures.report("phase1")
            let comparison = try Self.compare(current, after: previous, in: folder)
            let note = row.note.replacingOccurrences(of: "FOLDER", with: folder.path).replacingOccurrences(of: "HOST", with: previous.ollama.host ?? "")
            #expect(comparison == .none(.notComparable, note: note))
            #expect(MarkdownRenderer.render({ var report = current; report.comparison = comparison; return report }())
                .contains("## Since the previous run\n\n_" + MarkupEscaping.markdownCell(comparison.note) + "_\n\n## Models"))
        }
    }

    struct Damaged: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// The bytes left as report.json, and whether report.complete vouches for them.
        var json: String?
        var marked: Bool
        var basis: ReportComparison.Basis
        var note: String
    }

    static let damaged: [Damaged] = [
        Damaged(testDescription: "no report yet", json: nil, marked: false, basis: .noPreviousReport,
                note: "No previous run of gate 'phase2' to compare with: 'FOLDER' held no report."),
        Damaged(testDescription: "unfinished publication", json: "{\"schemaVersion\": 1, \"verd", marked: false, basis: .unreadable,
                note: "No comparison with the previous run: 'FOLDER/report.json' is not from a completed report: there is no report.complete beside it, so its publication did not finish (a run killed or a disk full while writing the reports)."),
        Damaged(testDescription: "not a report", json: "[1, 2, 3]", marked: true, basis: .unreadable,
                note: "No comparison with the previous run: 'FOLDER/report.json' is not a report.json written by readiness."),
        Damaged(testDescription: "another schema", json: "{\"schemaVersion\": 9}", marked: true, basis: .unreadable,
                note: "No comparison with the previous run: 'FOLDER/report.json' has schemaVersion 9; this readiness reads 1."),
    ]

    @Test(arguments: damaged)
    func `a missing, unfinished or corrupt previous report is noted, never compared`(_ row: Damaged) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            if let json = row.json {
                let data = Data(json.utf8)
                try data.write(to: folder.appendingPathComponent("report.json"))
                if row.marked {
                    try Data(ReportCompletion(runID: "old", files: [("report.json", data)]).text.utf8)
                        .write(to: folder.appendingPathComponent(ReportCompletion.fileName))
                }
            }
            let comparison = ReportComparison.sincePrevious(in: folder, for: try StreamFixtures.report("healthy"))
            #expect(comparison == .none(row.basis, note: row.note.replacingOccurrences(of: "FOLDER", with: folder.path)))
        }
    }
}
