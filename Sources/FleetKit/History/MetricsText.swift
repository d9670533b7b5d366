import Foundation
import ReadinessKit

/// One model's measurements as a short line, and before/after deltas, for `migrate` and `history`.
public enum MetricsText {
    /// The metrics worth a line, in this order: what the migration gate judges, as the reports compare them.
    public static let keys = ReportComparison.metricKeys

    /// "success_rate 1, quality 0.82, latency_avg_s 1.2"; "no metrics" when none of `keys` is there.
    public static func line(_ metrics: [String: Double]?) -> String {
        let parts = keys.compactMap { key in metrics?[key].map { "\(key) \(number($0))" } }
        return parts.isEmpty ? "no metrics" : parts.joined(separator: ", ")
    }

    /// "quality 0.8 → 0.85 (+0.05), latency_avg_s 1.2 → 1.1 (-0.1)" over the keys both sides have.
    public static func delta(from before: [String: Double], to after: [String: Double]) -> String {
        let parts = keys.compactMap { key -> String? in
            guard let old = before[key], let new = after[key] else { return nil }
            let change = new - old
            return "\(key) \(number(old)) → \(number(new)) (\(change >= 0 ? "+" : "")\(number(change)))"
        }
        return parts.isEmpty ? "no common metrics" : parts.joined(separator: ", ")
    }

    /// At most three decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? "\(Int64(rounded))" : "\(rounded)"
    }
}
