import ReadinessKit
import Foundation

/// How a run compares with the previous run of the same gate, published in the same output folder: the verdict,
/// the criteria whose status changed, and each model's status and measurements before and after. report.json
/// carries it as `comparison`; report.md and report.html show it. It never changes the verdict.
package struct ReportComparison: Codable, Sendable, Equatable {
    /// What the run was compared with.
    package enum Basis: String, Codable, Sendable {
        /// The previous report in the folder, of the same gate and readiness.json.
        case previousRun = "previous-run"
        /// The folder held no report yet.
        case noPreviousReport = "no-previous-report"
        /// The folder's report is of another gate, readiness.json, host list or shard, or of this same run: nothing
        /// compared.
        case notComparable = "not-comparable"
        /// The folder's report.json could not be read (an unfinished set, not a report, another schema).
        case unreadable
    }

    /// The earlier run, as its report described it.
    package struct PreviousRun: Codable, Sendable, Equatable {
        package var gate: String
        package var verdict: Verdict.Outcome
        package var runStarted: String?
        package var generatedAt: String
    }

    /// A criterion whose status changed.
    package struct CriterionChange: Codable, Sendable, Equatable {
        package var id: String
        package var before: CriterionOutcome.Status
        package var after: CriterionOutcome.Status
    }

    /// One measurement before and after.
    package struct MetricChange: Codable, Sendable, Equatable {
        package var before: Double
        package var after: Double
        /// `after - before`.
        package var change: Double
    }

    /// One model present in both runs.
    package struct ModelChange: Codable, Sendable, Equatable {
        package var name: String
        package var before: CriterionOutcome.Status
        package var after: CriterionOutcome.Status
        /// Criteria it falls short of now and did not before.
        package var newlyFailing: [String]
        /// Criteria it fell short of before and passes now.
        package var newlyPassing: [String]
        /// The `metricKeys` both runs measured, by key.
        package var metrics: [String: MetricChange]
    }

    package var basis: Basis
    /// One sentence: what the run was compared with, or why nothing was compared.
    package var note: String
    /// `nil` unless `basis` is `previousRun`.
    package var previous: PreviousRun?
    /// The criteria whose status changed, in report order.
    package var criteria: [CriterionChange]
    /// Every model of this run that the previous run also had, in report order.
    package var models: [ModelChange]

    /// The measurements compared: what the migration gate judges.
    package static let metricKeys = [
        CriterionResult.Metric.successRate, CriterionResult.Metric.quality, CriterionResult.Metric.latencyAverage,
        CriterionResult.Metric.latencyP95, CriterionResult.Metric.tokensPerSecond,
    ]

    /// A comparison that compared nothing, saying why.
    package static func none(_ basis: Basis, note: String) -> ReportComparison {
        ReportComparison(basis: basis, note: note, previous: nil, criteria: [], models: [])
    }

    /// Compares two reports of the same gate; the caller has checked that they are comparable.
    package static func between(_ previous: ReadinessReport, and current: ReadinessReport) -> ReportComparison {
        let before = Dictionary(previous.criteria.map { ($0.id, $0.status) }) { first, _ in first }
        let criteria = current.criteria.compactMap { criterion -> CriterionChange? in
            guard let status = before[criterion.id], status != criterion.status else { return nil }
            return CriterionChange(id: criterion.id, before: status, after: criterion.status)
        }
        let earlier = Dictionary(previous.models.map { (ReportFormatting.modelKey($0.name), $0) }) { first, _ in first }
        let models = current.models.compactMap { model -> ModelChange? in
            guard let old = earlier[ReportFormatting.modelKey(model.name)] else { return nil }
            var metrics: [String: MetricChange] = [:]
            for metric in metricKeys {
                // A change too large for a Double (two absurd values) would make report.json unwritable.
                guard let was = old.metrics[metric], let now = model.metrics[metric], (now - was).isFinite else { continue }
                metrics[metric] = MetricChange(before: was, after: now, change: now - was)
            }
            return ModelChange(
                name: model.name, before: old.status, after: model.status,
                newlyFailing: model.failing.filter { !old.failing.contains($0) },
                newlyPassing: old.failing.filter { !model.failing.contains($0) }, metrics: metrics
            )
        }
        let started = previous.timings.runStarted.map { "started \($0), " } ?? ""
        let verdicts = previous.verdict == current.verdict
            ? "still \(current.verdict.label)" : "\(previous.verdict.label) → \(current.verdict.label)"
        return ReportComparison(
            basis: .previousRun,
            note: "Compared with the previous run of gate '\(current.gate.name)' (\(started)\(verdicts)).",
            previous: PreviousRun(
                gate: previous.gate.name, verdict: previous.verdict, runStarted: previous.timings.runStarted,
                generatedAt: previous.timings.generatedAt
            ),
            criteria: criteria, models: models
        )
    }

    /// Criteria that passed before and fall short now.
    package var newlyFailing: [String] { criteria.filter { $0.before == .passed }.map(\.id) }
    /// Criteria that fell short before and pass now.
    package var newlyPassing: [String] { criteria.filter { $0.after == .passed }.map(\.id) }

    /// The models worth showing first, at most `limit`: those whose status got worse, then better, then the
    /// largest relative change of average latency.
    func notableModels(limit: Int) -> [ModelChange] {
        func weight(_ model: ModelChange) -> (Int, Double) {
            let worse = ReportFormatting.rank(model.after) < ReportFormatting.rank(model.before)
            let group = worse ? 0 : model.after != model.before ? 1 : 2
            let latency = model.metrics[CriterionResult.Metric.latencyAverage]
            return (group, latency.map { abs($0.change) / max(abs($0.before), 1e-9) } ?? 0)
        }
        let weighed = models.enumerated().map { (offset: $0.offset, model: $0.element, weight: weight($0.element)) }
        return weighed.sorted { left, right in
            if left.weight.0 != right.weight.0 { return left.weight.0 < right.weight.0 }
            if left.weight.1 != right.weight.1 { return left.weight.1 > right.weight.1 }
            return left.offset < right.offset
        }.prefix(limit).map(\.model)
    }
}
