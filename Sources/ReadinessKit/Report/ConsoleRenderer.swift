import Foundation

/// Renders the end of the console output: a compact criteria table, then the verdict line.
/// Every value is neutralised (`UntrustedText`): ids, test names and messages may come from a config or Ollama.
public enum ConsoleRenderer {
    /// The table and the verdict line, each line ending with a newline.
    public static func render(_ report: ReadinessReport) -> String {
        var rows = [["CRITERION", "SEVERITY", "STATUS", "MEASURED", "THRESHOLD"]]
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
        rows = rows.map { $0.map(UntrustedText.singleLine) }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append("(* not required by gate '\(UntrustedText.singleLine(report.gate.name))')")
        lines += (HostGrid(report)?.summaryLines() ?? []).map(UntrustedText.singleLine)
        for reason in report.reasons.prefix(5) { lines.append("- " + UntrustedText.singleLine(reason)) }
        if report.reasons.count > 5 { lines.append("- … and \(report.reasons.count - 5) more in report.md") }
        lines.append("\(report.verdict.label): \(UntrustedText.singleLine(report.summary))")
        return lines.map(UntrustedText.defusingWorkflowCommand).joined(separator: "\n") + "\n"
    }
}
