import Foundation

/// Number, threshold and status wording shared by every renderer, so all formats say the same thing.
enum ReportFormatting {
    /// A number with at most `digits` decimals and no trailing zeros: 0.5 → "0.5", 12.0 → "12".
    static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A measurement in its unit: ratios and fractions as percentages, seconds with "s".
    static func value(_ value: Double, unit: String?) -> String {
        switch unit {
        case "ratio", "fraction": number(value * 100, digits: 1) + "%"
        case "s": number(value, digits: 2) + " s"
        default: number(value, digits: 2)
        }
    }

    /// A threshold as "> 80%", "< 30 s" or ">= 1".
    static func threshold(_ threshold: CriterionResult.Threshold?) -> String {
        guard let threshold else { return "" }
        return threshold.comparison.rawValue + " " + value(threshold.value, unit: threshold.unit)
    }

    /// A result's measurement, or "" when nothing numeric was measured.
    static func measured(_ result: CriterionResult) -> String {
        result.measured.map { value($0, unit: result.threshold?.unit) } ?? ""
    }

    /// A criterion's measurement: its single value, or "4/6 pass" for per-model criteria.
    static func measured(_ criterion: CriterionOutcome) -> String {
        if criterion.rows.count > 1 || criterion.rows.first?.model != nil {
            return "\(criterion.rows.filter(\.passed).count)/\(criterion.rows.count) pass"
        }
        return criterion.measured.map { value($0, unit: criterion.threshold?.unit) } ?? ""
    }

    /// The threshold a criterion's results are held to (the first one, as they share it).
    static func threshold(_ criterion: CriterionOutcome) -> String {
        threshold(criterion.threshold ?? criterion.rows.first?.threshold)
    }

    /// "PASS", "FAIL", "WARN", "SKIP" or "MISSING".
    static func label(_ status: CriterionOutcome.Status) -> String {
        switch status {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .warned: "WARN"
        case .skipped: "SKIP"
        case .missing: "MISSING"
        }
    }

    /// The status of one result row within its criterion.
    static func status(_ row: CriterionResult) -> CriterionOutcome.Status {
        row.passed ? .passed : row.severity == .critical ? .failed : .warned
    }

    /// Seconds as "12.3 s" or "2 min 5 s".
    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? number(seconds, digits: 1) + " s" : "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
    }
}
