import ReadinessKit
import Foundation
import OllamaKit

/// Renders report.md (and the GitHub step summary): the verdict, the fleet's tally and why first, then actions,
/// the change since the previous run, the models (those that fall short first) and every criterion's rows.
/// It is the complete human record: the console and report.html send readers here for what they leave out.
package enum MarkdownRenderer {
    /// The whole Markdown report.
    package static func render(_ report: ReadinessReport) -> String {
        var lines = ["# Readiness: \(report.verdict.label)", ""]
        lines.append("**\(cell(report.summary))**")
        if let description = report.gate.description { lines += ["", "Gate \(code(report.gate.name)): \(cell(description))"] }
        if !report.models.isEmpty {
            let first = report.models.contains { $0.status != .passed } ? ", those that fall short first under Models" : ""
            lines += ["", ReportFormatting.tally(report.models) + first + "."]
        }
        if !report.reasons.isEmpty { lines += section("Why", bullets(report.reasons)) }
        if !report.warnings.isEmpty { lines += section("Warnings", bullets(report.warnings)) }
        if !report.actions.isEmpty {
            lines += section("Action items", report.actions.enumerated().map { "\($0.offset + 1). \(cell($0.element))" })
        }
        if let comparison = report.comparison { lines += section("Since the previous run", comparisonLines(comparison)) }
        if !report.models.isEmpty { lines += section("Models", modelsTable(report.models)) }
        lines += section("Criteria", criteriaTable(report))
        if !report.unlistedTests.isEmpty {
            lines += section("Readiness tests without a criterion", report.unlistedTests.map {
                "- \(code($0.test)) \(ReportFormatting.label($0.status)): \(cell($0.messages.joined(separator: "; ")))"
            })
        }
        if let hosts = HostGrid(report) { lines += section("Hosts", hostsTable(hosts)) }
        lines += section("Run", runFacts(report))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func comparisonLines(_ comparison: ReportComparison) -> [String] {
        var lines = ["_\(cell(comparison.note))_"]
        guard comparison.basis == .previousRun else { return lines }
        lines += [""] + bullets(comparison.highlights)
        guard !comparison.models.isEmpty else { return lines }
        lines += ["", row(["Model", "Status"] + ReportComparison.columns.map(\.title)), "|---|---|" + String(repeating: "---|", count: ReportComparison.columns.count)]
        for model in comparison.notableModels(limit: ReportComparison.shownModels) {
            lines.append(row([cell(model.name), ReportComparison.text(before: model.before, after: model.after)]
                + ReportComparison.columns.map { cell(ReportComparison.text(model.metrics[$0.key], unit: $0.unit)) }))
        }
        let rest = comparison.models.count - ReportComparison.shownModels
        if rest > 0 { lines += ["", "… and \(rest) more models in report.json (`comparison.models`)."] }
        return lines
    }

    private static func criteriaTable(_ report: ReadinessReport) -> [String] {
        var table = [
            "| Criterion | Area | Severity | Status | Measured | Threshold | Details |",
            "|---|---|---|---|---|---|---|",
        ]
        for criterion in report.criteria {
            let name = "**\(cell(criterion.id))**\(criterion.required ? " (gate)" : "")<br>\(cell(criterion.title))"
            table.append(row([
                name, criterion.area?.rawValue ?? "", criterion.severity.rawValue, status(criterion.status),
                cell(ReportFormatting.measured(criterion)), cell(ReportFormatting.threshold(criterion)), cell(criterion.message),
            ]))
            for result in ReportFormatting.failingFirst(criterion.rows.filter { $0.model != nil }, status: ReportFormatting.status) {
                table.append(row([
                    "↳ \(cell(result.model ?? ""))", "", "", status(ReportFormatting.status(result)),
                    cell(ReportFormatting.measured(result)), cell(ReportFormatting.threshold(result.threshold)),
                    cell(result.message),
                ]))
            }
        }
        return table
    }

    private static func modelsTable(_ models: [ReadinessReport.Model]) -> [String] {
        typealias Metric = CriterionResult.Metric
        var table = [
            "| Model | Order | Status | Latency p50 | Latency p95 | Quality | Success rate | Falls short of |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for model in ReportFormatting.failingFirst(models, status: \.status) {
            func metric(_ key: String, _ unit: String) -> String {
                model.metrics[key].map { ReportFormatting.value($0, unit: unit) } ?? ""
            }
            table.append(row([
                cell(model.name), model.migrationOrder.map(String.init) ?? "", status(model.status),
                metric(Metric.latencyP50, "s"), metric(Metric.latencyP95, "s"), metric(Metric.quality, "score"),
                metric(Metric.successRate, "ratio"), cell(model.failing.joined(separator: ", ")),
            ]))
        }
        return table
    }

    /// Models × hosts: each cell the model's standing on that host and what it falls short of there.
    private static func hostsTable(_ grid: HostGrid) -> [String] {
        var table = ["| Model | " + grid.hosts.map(cell).joined(separator: " | ") + " |", "|---|" + grid.hosts.map { _ in "---|" }.joined()]
        for (model, cells) in grid.rows {
            table.append(row([cell(model)] + cells.map { standing in
                standing.map { status($0.status) + ($0.failing.isEmpty ? "" : " " + cell($0.failing.joined(separator: ", "))) } ?? "—"
            }))
        }
        return table
    }

    private static func runFacts(_ report: ReadinessReport) -> [String] {
        var facts = ["- Gate: \(code(report.gate.name)) requires \(report.gate.criteria.map(code).joined(separator: ", "))"]
        facts += HostGrid.runFacts(report).map { "- \(cell($0))" }
        let host = report.ollama.host.map(OllamaHost.redacted) ?? "unknown host"
        facts.append("- Ollama: \(cell(host)), version \(cell(report.ollama.version ?? "unknown"))")
        if let started = report.timings.runStarted {
            let duration = report.timings.durationSeconds.map { ", took \(ReportFormatting.duration($0))" } ?? ", never ended"
            facts.append("- Run: started \(started)\(duration)")
        }
        if let events = report.source.events {
            facts.append("- Events: \(code(events))\(report.source.streamVersion.map { " (stream version \(cell($0)))" } ?? "")")
        }
        if let config = report.source.config { facts.append("- Config: \(code(config))") }
        facts.append("- Written by \(report.tool.name) \(report.tool.version) at \(report.timings.generatedAt)")
        return facts
    }

    private static func status(_ status: CriterionOutcome.Status) -> String {
        let symbol = switch status {
        case .passed: "✅"
        case .failed: "❌"
        case .warned: "⚠️"
        case .skipped: "⏭️"
        case .missing: "❔"
        }
        return "\(symbol) \(ReportFormatting.label(status))"
    }

    private static func section(_ title: String, _ body: [String]) -> [String] { ["", "## \(title)", ""] + body }
    private static func bullets(_ items: [String]) -> [String] { items.map { "- \(cell($0))" } }
    private static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
    private static func cell(_ text: String) -> String { MarkupEscaping.markdownCell(text) }
    private static func code(_ text: String) -> String { MarkupEscaping.markdownCode(text) }
}
