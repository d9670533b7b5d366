import ReadinessKit
import Foundation
import OllamaKit

/// Renders report.html: one self-contained page (inline CSS and SVG, no network) that also prints well. Its
/// overview stays one page at any fleet size: the verdict and the fleet's tally, why, a compact models × criteria
/// grid (failing models first, scrolling in its own box), charts of at most `chartedModels` models, the criteria,
/// then each model's details folded in `<details>` until opened.
package enum HTMLRenderer {
    /// The whole HTML document.
    package static func render(_ report: ReadinessReport) -> String {
        let grid = ModelGrid(report)
        var body = [
            "<header class=\"banner \(report.verdict.rawValue)\"><h1>Readiness: \(report.verdict.label)</h1>",
            "<p>\(esc(report.summary))</p>",
            report.models.isEmpty ? "" : "<p class=\"tally\">\(esc(ReportFormatting.tally(report.models)))</p>",
            "</header>",
        ]
        if !report.reasons.isEmpty { body += section("Why", list(report.reasons, tag: "ul")) }
        if !report.warnings.isEmpty { body += section("Warnings", list(report.warnings, tag: "ul")) }
        if !report.actions.isEmpty { body += section("Action items", actions(report.actions)) }
        if let comparison = report.comparison { body += section("Since the previous run", comparisonSection(comparison, report)) }
        if !grid.models.isEmpty && !grid.columns.isEmpty { body += section("Models × criteria", gridTable(grid)) }
        body += section("Measurements", charts(report))
        body += section("Criteria", criteriaTable(report))
        if let hosts = HostGrid(report) { body += section("Hosts", hostsTable(hosts)) }
        if !grid.models.isEmpty { body += section("Models", modelDetails(grid)) }
        if !report.unlistedTests.isEmpty {
            body += section("Readiness tests without a criterion", list(report.unlistedTests.map {
                "\($0.test) \(ReportFormatting.label($0.status)): \($0.messages.joined(separator: "; "))"
            }, tag: "ul"))
        }
        body += section("Run", list(runFacts(report), tag: "ul"))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Readiness: \(report.verdict.label) (gate \(esc(report.gate.name)))</title>
            <style>\(style)</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// The first ten action items, the rest folded.
    private static func actions(_ actions: [String]) -> [String] {
        let shown = 10
        var lines = list(Array(actions.prefix(shown)), tag: "ol")
        if actions.count > shown {
            lines.append("<details><summary>\(actions.count - shown) more action items</summary><ol start=\"\(shown + 1)\">")
            lines += actions.dropFirst(shown).map { "<li>\(esc($0))</li>" }
            lines.append("</ol></details>")
        }
        return lines
    }

    private static func criteriaTable(_ report: ReadinessReport) -> [String] {
        var rows = [
            "<table><thead><tr><th>Criterion</th><th>Area</th><th>Severity</th><th>Status</th><th>Measured</th><th>Threshold</th><th>Details</th></tr></thead><tbody>"
        ]
        for criterion in report.criteria {
            let name = "<strong>\(esc(criterion.id))</strong>\(criterion.required ? " <span class=\"gate\">gate</span>" : "")<br/><small>\(esc(criterion.title))</small>"
            rows.append(row([
                name, esc(criterion.area?.rawValue ?? ""), esc(criterion.severity.rawValue), status(criterion.status),
                esc(ReportFormatting.measured(criterion)), esc(ReportFormatting.threshold(criterion)), esc(criterion.message),
            ], className: "criterion"))
        }
        rows.append("</tbody></table>")
        return rows
    }

    /// Models × hosts: each cell the model's standing on that host and what it falls short of there.
    private static func hostsTable(_ grid: HostGrid) -> [String] {
        var rows = ["<table><thead><tr><th>Model</th>" + grid.hosts.map { "<th>\(esc($0))</th>" }.joined() + "</tr></thead><tbody>"]
        for (model, cells) in grid.rows {
            rows.append(row([esc(model)] + cells.map { standing in
                standing.map { status($0.status) + ($0.failing.isEmpty ? "" : " " + esc($0.failing.joined(separator: ", "))) } ?? "—"
            }, className: "host-row"))
        }
        rows.append("</tbody></table>")
        return rows
    }

    private static func runFacts(_ report: ReadinessReport) -> [String] {
        var facts = ["Gate \(report.gate.name) requires: \(report.gate.criteria.joined(separator: ", "))"] + HostGrid.runFacts(report)
        facts.append("Ollama: \(report.ollama.host.map(OllamaHost.redacted) ?? "unknown host"), version \(report.ollama.version ?? "unknown")")
        if let started = report.timings.runStarted {
            facts.append("Run started \(started)" + (report.timings.durationSeconds.map { ", took \(ReportFormatting.duration($0))" } ?? ", never ended"))
        }
        if let events = report.source.events { facts.append("Events: \(events)") }
        facts.append("Written by \(report.tool.name) \(report.tool.version) at \(report.timings.generatedAt)")
        return facts
    }

    static func status(_ status: CriterionOutcome.Status) -> String {
        "<span class=\"status \(status.rawValue)\">\(ReportFormatting.label(status))</span>"
    }

    static func section(_ title: String, _ body: [String]) -> [String] {
        ["<section><h2>\(esc(title))</h2>"] + body + ["</section>"]
    }

    static func list(_ items: [String], tag: String) -> [String] {
        ["<\(tag)>"] + items.map { "<li>\(esc($0))</li>" } + ["</\(tag)>"]
    }

    static func row(_ cells: [String], className: String) -> String {
        "<tr class=\"\(className)\">" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }

    static func esc(_ text: String) -> String { MarkupEscaping.xml(text) }

    private static let style = """
        body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;margin:2rem auto;max-width:1100px;padding:0 1rem}
        .banner{padding:1rem 1.5rem;border-radius:6px;color:#fff}.banner h1{margin:0 0 .3rem}.banner p{margin:0}
        .ready{background:#2e7d32}.not-ready{background:#c62828}.undecided{background:#8d6e00}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        tr.model-row td{font-size:12px;color:#444}.gate{font-size:11px;border:1px solid #888;border-radius:3px;padding:0 3px}
        .status{font-weight:600}.status.passed{color:#2e7d32}.status.failed{color:#c62828}.status.warned{color:#b26a00}
        .status.skipped,.status.missing{color:#6d4c41}figure{margin:1rem 0}svg text{font-size:12px;fill:#222}
        svg .chart-title{font-weight:600;font-size:13px}svg .threshold{fill:#c0392b}.no-data{color:#666}.tally{margin-top:.3rem}
        .grid-box{max-height:32rem;overflow:auto;border:1px solid #ddd}table.grid{width:auto}
        table.grid th,table.grid td{padding:0 .3rem;border-bottom:1px solid #f3f3f3;font-size:12px;line-height:16px;white-space:nowrap}
        table.grid thead th{position:sticky;top:0;background:#fff;vertical-align:bottom}
        table.grid th.column span{writing-mode:vertical-rl;transform:rotate(180deg);font-weight:normal}
        table.grid td,.cell{text-align:center;min-width:14px}.cell{display:inline-block;padding:0 3px}
        td.passed,.cell.passed{background:#c8e6c9}td.failed,.cell.failed{background:#ef9a9a}td.warned,.cell.warned{background:#ffe082}
        td.skipped,td.missing,.cell.skipped,.cell.missing{background:#e0e0e0}th.name.failed a,th.name.missing a{color:#c62828}
        details{border-bottom:1px solid #eee;padding:.2rem 0}details table{margin:.3rem 0 .3rem 1rem;width:auto}.metrics{color:#444;font-size:12px}
        @media print{body{margin:0;max-width:none}.banner,td,.cell{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        .grid-box{max-height:none;overflow:visible}section,figure,tr{break-inside:avoid}}
        """
}
