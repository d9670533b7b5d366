import Foundation
import ReadinessKit
import ReadinessReports

/// One model's measurements as a short line, and before/after deltas, for `migrate` and `history`.
package enum MetricsText {
    /// The metrics worth a line, in this order: what the migration gate judges, as the reports compare them.
    package static let keys = ReportComparison.metricKeys

    /// "success_rate 1, quality 0.82, latency_avg_s 1.2"; "no metrics" when none of `keys` is there.
    package static func line(_ metrics: [String: Double]?) -> String {
        let parts = keys.compactMap { key in metrics?[key].map { "\(key) \(number($0))" } }
        return parts.isEmpty ? "no metrics" : parts.joined(separator: ", ")
    }

    /// "quality 0.8 → 0.85 (+0.05), latency_avg_s 1.2 → 1.1 (-0.1)" over the keys both sides have.
    package static func delta(from before: [String: Double], to after: [String: Double]) -> String {
        let parts = keys.compactMap { key -> String? in
            guard let old = before[key], let new = after[key] else { return nil }
            let change = new - old
            return "\(key) \(number(old)) → \(number(new)) (\(change >= 0 ? "+" : "")\(number(change)))"
        }
        return parts.isEmpty ? "no common metrics" : parts.joined(separator: ", ")
    }

    /// At most three decimals, no trailing zeros.
    package static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? "\(Int64(rounded))" : "\(rounded)"
    }
}

extension MetricsText {
    /// The before/after table of `readiness history`: one row per model of each entry that recorded a
    /// baseline beside its metrics (`migrate done`, `watch`), each figure "before → after", latencies with
    /// their relative change.
    /// - Parameter models: Only these models' rows (all when empty).
    package static func changeTable(_ entries: [HistoryEntry], models: [String] = []) -> [String] {
        typealias Metric = CriterionResult.Metric
        var rows = [["TIME", "CHANGE", "MODEL", "SUCCESS", "QUALITY", "AVG S", "P95 S"]]
        for entry in entries {
            guard let baseline = entry.baseline, let metrics = entry.metrics else { continue }
            for (model, before) in baseline.sorted(by: { $0.key < $1.key }) {
                guard let after = metrics[model], models.isEmpty || models.contains(model) else { continue }
                var row = [entry.time, "\(entry.command) \(entry.outcome)", model]
                for metric in [Metric.successRate, Metric.quality, Metric.latencyAverage, Metric.latencyP95] {
                    guard let old = before[metric] else { row.append("-"); continue }
                    guard let new = after[metric] else { row.append("\(number(old)) → none"); continue }
                    var cell = "\(number(old)) → \(number(new))"
                    if metric == Metric.latencyAverage || metric == Metric.latencyP95, old > 0 {
                        let percent = Int(((new - old) / old * 100).rounded())
                        cell += " (\(percent > 0 ? "+" : "")\(percent)%)"
                    }
                    row.append(cell)
                }
                rows.append(row)
            }
        }
        guard rows.count > 1 else { return [] }
        let widths = (0..<rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[row.count - 1]
        }
    }
}
