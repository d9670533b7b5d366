import Foundation

/// Renders the end of the console output: a compact criteria table, then the verdict line.
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
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        lines.append("(* not required by gate '\(report.gate.name)')")
        for reason in report.reasons.prefix(5) { lines.append("- " + reason) }
        if report.reasons.count > 5 { lines.append("- … and \(report.reasons.count - 5) more in report.md") }
        lines.append("\(report.verdict.label): \(report.summary)")
        return lines.joined(separator: "\n") + "\n"
    }
}
