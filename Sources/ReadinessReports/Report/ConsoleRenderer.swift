import ReadinessKit
import Foundation

/// Renders the end of the console output: a compact criteria table, the models that fall short (failing first),
/// the fleet's tally, then the verdict line. Bounded at any fleet size: at most `lineLimit` criterion, test and
/// model lines, then a line saying how many more there are and where.
/// Every value is neutralised (`UntrustedText`): ids, test names and messages may come from a config or Ollama.
package enum ConsoleRenderer {
    /// The most criterion, test and model lines the console shows; report.md has them all.
    package static let lineLimit = 40
    /// Of `lineLimit`, the most criterion and test lines, so models that fall short always get some.
    static let criterionLineLimit = 25
    /// The most reasons listed above the verdict.
    static let reasonLimit = 5

    /// The tables and the verdict line, each line ending with a newline.
    /// - Parameter details: Where the whole report is, e.g. "readiness-report/report.md", named when lines are
    ///   left out; `nil` when the reports could not be written.
    package static func render(_ report: ReadinessReport, details: String? = "report.md") -> String {
        let elsewhere = details.map { "see \(UntrustedText.singleLine($0))" } ?? "the reports could not be written"
        var rows: [[String]] = []
        for criterion in report.criteria {
            rows.append([
                criterion.id + (criterion.required ? "" : " *"), criterion.severity.rawValue,
                ReportFormatting.label(criterion.status), ReportFormatting.measured(criterion),
                ReportFormatting.threshold(criterion),
            ])
        }
        for test in report.unlistedTests {
            rows.append([test.test, "unlisted", ReportFormatting.label(test.status), "", ""])
        }
        let shownRows = min(rows.count, criterionLineLimit)
        var lines = table([["CRITERION", "SEVERITY", "STATUS", "MEASURED", "THRESHOLD"]] + rows.prefix(shownRows))
        if rows.count > shownRows { lines.append("… and \(rows.count - shownRows) more criteria and tests: \(elsewhere)") }
        lines.append("(* not required by gate '\(UntrustedText.singleLine(report.gate.name))')")
        lines += (HostGrid(report)?.summaryLines() ?? []).map(UntrustedText.singleLine)

        let short = ReportFormatting.failingFirst(report.models.filter { $0.status != .passed }, status: \.status)
        if !short.isEmpty {
            let shown = short.prefix(lineLimit - shownRows)
            lines += table([["MODEL", "STATUS", "FALLS SHORT OF"]] + shown.map { model in
                let failing = model.failing.isEmpty ? "no results" : model.failing.joined(separator: ", ")
                return [UntrustedText.excerpt(model.name, limit: 60), ReportFormatting.label(model.status), UntrustedText.excerpt(failing, limit: 120)]
            })
            if short.count > shown.count { lines.append("… and \(short.count - shown.count) more models that fall short: \(elsewhere)") }
        }
        if !report.models.isEmpty { lines.append(ReportFormatting.tally(report.models) + ".") }
        if let comparison = report.comparison {
            let highlights = comparison.highlights.isEmpty ? "" : " " + comparison.highlights.joined(separator: "; ") + "."
            lines.append(UntrustedText.singleLine(UntrustedText.excerpt(comparison.note + highlights, limit: 400)))
        }
        for reason in report.reasons.prefix(reasonLimit) {
            lines.append("- " + UntrustedText.singleLine(UntrustedText.excerpt(reason)))
        }
        if report.reasons.count > reasonLimit {
            let more = report.reasons.count - reasonLimit
            lines.append("- … and \(more) more \(more == 1 ? "reason" : "reasons"): \(elsewhere)")
        }
        lines.append("\(report.verdict.label): \(UntrustedText.singleLine(report.summary))")
        return lines.map(UntrustedText.defusingWorkflowCommand).joined(separator: "\n") + "\n"
    }

    /// Rows as left-aligned columns two spaces apart, each value made one inert line.
    private static func table(_ rows: [[String]]) -> [String] {
        let cells = rows.map { $0.map(UntrustedText.singleLine) }
        let widths = cells[0].indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
