import ReadinessKit
import Foundation

/// perf-report.md and the self-contained perf-report.html (inline SVG charts, no scripts) of `readiness perf`.
/// Model names and messages are untrusted text: escaped for their markup, single-lined.
package enum PerfRenderer {
    /// The report files by name, ready to write.
    package static func files(_ document: PerfDocument) -> [(name: String, data: Data)] {
        let json = (try? PerfDocument.encoder().encode(document)) ?? Data("{}".utf8)
        return [("perf-report.json", json), ("perf-report.md", Data(markdown(document).utf8)), ("perf-report.html", Data(html(document).utf8))]
    }

    package static func markdown(_ document: PerfDocument) -> String {
        let cell = { (text: String) in MarkupEscaping.markdownCell(UntrustedText.singleLine(text)) }
        var lines = [
            "# Performance: " + (document.passed == true ? "every threshold holds" : "a threshold does not hold"), "",
            "Rounds \(document.rounds ?? 0), concurrency \(document.concurrency ?? 0), wall time \(seconds(document.wallSeconds)); "
                + "model loads observed \(document.observedLoads ?? 0) (minimum \(document.minimumLoads ?? 0)). "
                + "Latency of successful queries on a monotonic clock; percentiles by nearest rank.", "",
            "| model | success | min | avg | p50 | p95 | p99 | max | first token | tokens/s | load | quality | errors |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for figures in document.models + [document.overall] {
            let latency = figures.latency
            let errors = (figures.errors ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            lines.append("| " + [
                cell(figures.model), percent(figures.successRate), seconds(latency?.min), seconds(latency?.avg), seconds(latency?.p50),
                seconds(latency?.p95), seconds(latency?.p99), seconds(latency?.max), seconds(figures.timeToFirstTokenSeconds),
                figures.tokensPerSecond.map { String(format: "%.1f", $0) } ?? "n/a", seconds(figures.loadSeconds),
                figures.quality.map { String(format: "%.2f", $0) } ?? "n/a", cell(errors.isEmpty ? "none" : errors),
            ].joined(separator: " | ") + " |")
        }
        lines += ["", "## Thresholds", ""]
        for check in (document.checks ?? []) + document.models.flatMap({ $0.checks ?? [] }) {
            lines.append("- " + (check.passed ? "✅" : "❌") + " `\(check.id)`: " + cell(check.message))
        }
        if let deltas = document.deltas, !deltas.isEmpty {
            lines += ["", "## Against the baseline", "", "| model | success before | success after | p95 before | p95 after |", "|---|---|---|---|---|"]
            for delta in deltas {
                lines.append("| \(cell(delta.model)) | \(presence(delta.presentBefore, delta.successRateBefore)) | \(presence(delta.presentAfter, delta.successRateAfter)) | \(seconds(delta.p95Before)) | \(seconds(delta.p95After)) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package static func html(_ document: PerfDocument) -> String {
        let esc = { (text: String) in MarkupEscaping.xml(UntrustedText.singleLine(text)) }
        let models = document.models
        let latency = SVGBarChart(
            title: "Latency per model (s): average and p95", bars: models.flatMap { figures in
                [SVGBarChart.Bar(label: figures.model, series: 0, value: figures.latency?.avg ?? 0),
                 SVGBarChart.Bar(label: figures.model, series: 1, value: figures.latency?.p95 ?? 0)]
            }, series: ["average", "p95"], threshold: document.averageResponseSeconds.map { .init(.lessThan, $0, unit: "s") },
            format: { String(format: "%.2f s", $0) })
        let success = SVGBarChart(
            title: "Success rate per model", bars: models.map { .init(label: $0.model, series: 0, value: $0.successRate * 100) },
            series: ["success %"], threshold: nil, format: { String(format: "%.0f%%", $0) })
        let speed = SVGBarChart(
            title: "Tokens per second per model", bars: models.map { .init(label: $0.model, series: 2, value: $0.tokensPerSecond ?? 0) },
            series: ["", "", "tokens/s"], threshold: nil, format: { String(format: "%.1f", $0) })
        let checks = ((document.checks ?? []) + models.flatMap { $0.checks ?? [] }).map {
            "<li class=\"\($0.passed ? "pass" : "fail")\">\($0.passed ? "✅" : "❌") <code>\(esc($0.id))</code> \(esc($0.message))</li>"
        }.joined(separator: "\n")
        let table = markdownTableAsHTML(document, esc: esc)
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>readiness perf</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child{text-align:left}.fail{color:#a00}</style>
            </head><body>
            <h1>Performance: \(document.passed == true ? "every threshold holds" : "a threshold does not hold")</h1>
            <p>Rounds \(document.rounds ?? 0), concurrency \(document.concurrency ?? 0), wall time \(seconds(document.wallSeconds)); model loads observed \(document.observedLoads ?? 0) (minimum \(document.minimumLoads ?? 0)). Percentiles by nearest rank.</p>
            \(table)
            \(latency.render())
            \(success.render())
            \(speed.render())
            <h2>Thresholds</h2><ul>
            \(checks)
            </ul></body></html>

            """
    }

    private static func markdownTableAsHTML(_ document: PerfDocument, esc: (String) -> String) -> String {
        var rows = ["<table><tr><th>model</th><th>success</th><th>min</th><th>avg</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>first token</th><th>tokens/s</th><th>load</th><th>errors</th></tr>"]
        for figures in document.models + [document.overall] {
            let latency = figures.latency
            let errors = (figures.errors ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let cells = [
                esc(figures.model), percent(figures.successRate), seconds(latency?.min), seconds(latency?.avg), seconds(latency?.p50),
                seconds(latency?.p95), seconds(latency?.p99), seconds(latency?.max), seconds(figures.timeToFirstTokenSeconds),
                figures.tokensPerSecond.map { String(format: "%.1f", $0) } ?? "n/a", seconds(figures.loadSeconds), esc(errors),
            ]
            rows.append("<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>")
        }
        return (rows + ["</table>"]).joined(separator: "\n")
    }

    package static func seconds(_ value: Double?) -> String { value.map { String(format: "%.3f s", $0) } ?? "n/a" }
    package static func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }
    package static func presence(_ present: Bool?, _ rate: Double?) -> String {
        present == false ? "missing" : percent(rate)
    }
}

