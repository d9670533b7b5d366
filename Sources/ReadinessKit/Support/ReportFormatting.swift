import Foundation
import OllamaKit

/// Number and threshold wording shared by the criteria's messages and every report, so all say the same thing.
package enum ReportFormatting {
    /// A number with at most `digits` decimals and no trailing zeros: 0.5 → "0.5", 12.0 → "12".
    package static func number(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return "\(value)" }
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A measurement in its unit: ratios and fractions as percentages, seconds with "s".
    package static func value(_ value: Double, unit: String?) -> String {
        switch unit {
        case "ratio", "fraction": number(value * 100, digits: 1) + "%"
        case "s": number(value, digits: 2) + " s"
        default: number(value, digits: 2)
        }
    }

    /// A threshold as "> 80%", "< 30 s" or ">= 1".
    package static func threshold(_ threshold: CriterionResult.Threshold?) -> String {
        guard let threshold else { return "" }
        return threshold.comparison.rawValue + " " + value(threshold.value, unit: threshold.unit)
    }

    /// A result's measurement, or "" when nothing numeric was measured.
    package static func measured(_ result: CriterionResult) -> String {
        result.measured.map { value($0, unit: result.threshold?.unit) } ?? ""
    }

    /// How a model is matched across rows and runs: by identity ("x" and "X:latest" are one, as readiness.json
    /// and the tests may spell it differently), by its raw text when it is not a valid name.
    package static func modelKey(_ name: String) -> String { ModelName.identity(of: name) ?? name }

    /// Seconds as "12.3 s" or "2 min 5 s".
    package static func duration(_ seconds: Double) -> String {
        seconds < 60 ? number(seconds, digits: 1) + " s" : "\(Int(seconds) / 60) min \(Int(seconds) % 60) s"
    }
}
