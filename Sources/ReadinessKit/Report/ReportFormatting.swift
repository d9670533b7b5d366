import Foundation
import OllamaKit

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

    /// Where a status sorts when what falls short comes first: failed, missing, skipped, warned, passed.
    static func rank(_ status: CriterionOutcome.Status) -> Int {
        switch status {
        case .failed: 0
        case .missing: 1
        case .skipped: 2
        case .warned: 3
        case .passed: 4
        }
    }

    /// `items` with those that fall short first (`rank`), each group in its original order.
    static func failingFirst<T>(_ items: [T], status: (T) -> CriterionOutcome.Status) -> [T] {
        items.enumerated().map { (offset: $0.offset, item: $0.element, rank: rank(status($0.element))) }
            .sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.item)
    }

    /// The fleet in one phrase: "1000 models: 3 fail, 1 warn, 996 pass" (statuses with no model left out).
    static func tally(_ models: [ReadinessReport.Model]) -> String {
        var counts: [CriterionOutcome.Status: Int] = [:]
        for model in models { counts[model.status, default: 0] += 1 }
        let words: [(CriterionOutcome.Status, String)] = [
            (.failed, "fail"), (.missing, "without results"), (.skipped, "skipped"), (.warned, "warn"), (.passed, "pass"),
        ]
        let parts = words.compactMap { status, word in counts[status].map { "\($0) \(word)" } }
        return "\(models.count) \(models.count == 1 ? "model" : "models")" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }

    /// How a model is matched across rows and runs: by identity ("x" and "X:latest" are one, as readiness.json
    /// and the tests may spell it differently), by its raw text when it is not a valid name.
    static func modelKey(_ name: String) -> String { ModelName.identity(of: name) ?? name }

    /// Seconds as "12.3 s" or "2 min 5 s".
    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? number(seconds, digits: 1) + " s" : "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
    }
}
