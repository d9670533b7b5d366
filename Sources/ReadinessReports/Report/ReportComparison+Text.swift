import ReadinessKit
extension ReportComparison {
    /// The measurements report.md and report.html show, with their column titles and units.
    static let columns: [(key: String, title: String, unit: String?)] = [
        (CriterionResult.Metric.successRate, "Success rate", "ratio"), (CriterionResult.Metric.quality, "Quality", nil),
        (CriterionResult.Metric.latencyAverage, "Avg latency", "s"), (CriterionResult.Metric.latencyP95, "p95 latency", "s"),
        (CriterionResult.Metric.tokensPerSecond, "Tokens/s", nil),
    ]

    /// How many models the Markdown table and the HTML chart show; report.json has them all.
    static let shownModels = 20

    /// "1.2 s → 1.1 s (-0.1 s)", "1.2 s (no change)", "" when one of the runs did not measure it.
    static func text(_ change: MetricChange?, unit: String?) -> String {
        guard let change else { return "" }
        if change.change == 0 { return "\(ReportFormatting.value(change.after, unit: unit)) (no change)" }
        let sign = change.change > 0 ? "+" : ""
        return "\(ReportFormatting.value(change.before, unit: unit)) → \(ReportFormatting.value(change.after, unit: unit)) (\(sign)\(ReportFormatting.value(change.change, unit: unit)))"
    }

    /// "FAIL → PASS", or "PASS" when it did not change.
    static func text(before: CriterionOutcome.Status, after: CriterionOutcome.Status) -> String {
        before == after ? ReportFormatting.label(after) : "\(ReportFormatting.label(before)) → \(ReportFormatting.label(after))"
    }

    /// The lines under the note: criteria newly failing and passing, how many models changed status.
    var highlights: [String] {
        var lines: [String] = []
        if !newlyFailing.isEmpty { lines.append("Newly failing: \(newlyFailing.joined(separator: ", "))") }
        if !newlyPassing.isEmpty { lines.append("Newly passing: \(newlyPassing.joined(separator: ", "))") }
        let changed = models.filter { $0.before != $0.after }.count
        if basis == .previousRun {
            lines.append("\(changed) of \(models.count) models compared changed status")
        }
        return lines
    }
}
