import ReadinessKit

/// What `readiness watch` judges: which steps it watches, and each watched model's figures of one round
/// against its step's baseline under readiness.json's `watch.tolerances`.
package enum MigrationWatch {
    /// The metrics a round is compared on, in the order a degradation is looked for (the first one found
    /// pauses the migration): answers first, then their quality, then their speed.
    package static let metrics = [
        CriterionResult.Metric.successRate, CriterionResult.Metric.quality,
        CriterionResult.Metric.latencyP95, CriterionResult.Metric.latencyAverage,
    ]

    /// The steps whose models are watched: every migrated step, and the gated one (the model being migrated
    /// now, the likeliest to degrade). Pending and rolled-back steps run their old model and are not watched.
    package static func watchedSteps(_ state: MigrationState) -> [MigrationState.Step] {
        state.steps.filter { $0.status == .migrated || $0.status == .gated }
    }

    /// The baseline of `step`'s model: the metrics `migrate next` recorded before the step, or `nil` when it
    /// has none of `metrics` (watch cannot judge the model then).
    package static func baseline(of step: MigrationState.Step) -> [String: Double]? {
        guard let figures = step.baseline?[step.model], metrics.contains(where: { figures[$0] != nil }) else { return nil }
        return figures
    }

    /// One metric of one model in one round, against its baseline.
    package struct Figure: Sendable, Equatable, Codable {
        /// A `CriterionResult.Metric` key, e.g. "latency_p95_s".
        package var metric: String
        /// The round's value; `nil` when the round measured none (no query succeeded).
        package var value: Double?
        package var baseline: Double
        /// The worst value within tolerance: the highest latency (the baseline times its factor, and at least
        /// the baseline plus the margin), or the lowest success rate or quality.
        package var limit: Double
        /// Whether `value` is beyond `limit` (or missing).
        package var degraded: Bool
    }

    /// A watched model's figures in one round.
    package struct ModelRound: Sendable, Equatable, Codable {
        package var step: Int
        package var model: String
        /// The step's status ("migrated" or "gated").
        package var status: String
        package var figures: [Figure]

        /// The figures beyond tolerance, in `MigrationWatch.metrics` order.
        package var degradations: [Figure] { figures.filter(\.degraded) }
    }

    /// Compares `observed` (a round's metrics of `step`'s model) with `baseline`; metrics the baseline lacks are
    /// not compared.
    package static func compare(
        step: MigrationState.Step, observed: [String: Double], baseline: [String: Double], tolerances: ReadinessConfig.Watch.Tolerances
    ) -> ModelRound {
        typealias Metric = CriterionResult.Metric
        var figures: [Figure] = []
        for metric in metrics {
            guard let before = baseline[metric] else { continue }
            let value = observed[metric]
            let limit: Double
            let beyond: Bool
            switch metric {
            case Metric.successRate, Metric.quality:
                limit = max(0, before - (metric == Metric.successRate ? tolerances.successRateDrop : tolerances.qualityDrop))
                beyond = value.map { $0 < limit - epsilon } ?? true
            default:
                let factor = metric == Metric.latencyP95 ? tolerances.latencyP95Factor : tolerances.latencyAverageFactor
                limit = max(before * factor, before + tolerances.latencyMarginSeconds)
                beyond = value.map { $0 > limit + epsilon } ?? true
            }
            figures.append(Figure(metric: metric, value: value, baseline: before, limit: limit, degraded: beyond))
        }
        return ModelRound(step: step.number, model: step.model, status: step.status.rawValue, figures: figures)
    }

    /// Rounding slack, so a value equal to its limit on paper is never beyond it.
    private static let epsilon = 1e-9

    /// One sentence for a degradation, e.g. "decision_simplifier_v2 (step 5): latency_p95_s 0.231 is 2.04 times
    /// its baseline 0.113 (tolerance 1.5 times, at most 0.17)".
    package static func sentence(_ figure: Figure, of round: ModelRound, tolerances: ReadinessConfig.Watch.Tolerances) -> String {
        let who = "\(round.model) (step \(round.step))"
        guard let value = figure.value else {
            return "\(who): no \(figure.metric) measured (no query succeeded) against its baseline \(MetricsText.number(figure.baseline))"
        }
        switch figure.metric {
        case CriterionResult.Metric.successRate, CriterionResult.Metric.quality:
            let drop = figure.metric == CriterionResult.Metric.successRate ? tolerances.successRateDrop : tolerances.qualityDrop
            return "\(who): \(figure.metric) \(MetricsText.number(value)) is \(MetricsText.number(figure.baseline - value)) below its baseline \(MetricsText.number(figure.baseline)) (tolerance \(MetricsText.number(drop)), at least \(MetricsText.number(figure.limit)))"
        default:
            let factor = figure.metric == CriterionResult.Metric.latencyP95 ? tolerances.latencyP95Factor : tolerances.latencyAverageFactor
            let times = figure.baseline > 0 ? "\(MetricsText.number((value / figure.baseline * 100).rounded() / 100)) times" : "above"
            return "\(who): \(figure.metric) \(MetricsText.number(value)) s is \(times) its baseline \(MetricsText.number(figure.baseline)) s (tolerance \(MetricsText.number(factor)) times and \(MetricsText.number(tolerances.latencyMarginSeconds)) s, at most \(MetricsText.number(figure.limit)) s)"
        }
    }

    /// A round as a table: one row per watched model, each figure as "now (baseline)".
    package static func table(_ rounds: [ModelRound]) -> [String] {
        typealias Metric = CriterionResult.Metric
        let columns = [(Metric.successRate, "SUCCESS"), (Metric.quality, "QUALITY"), (Metric.latencyAverage, "AVG S"), (Metric.latencyP95, "P95 S")]
        var rows = [["STEP", "MODEL", "STATUS"] + columns.map(\.1) + ["RESULT"]]
        for round in rounds {
            var row = ["\(round.step)", round.model, round.status]
            for (metric, _) in columns {
                guard let figure = round.figures.first(where: { $0.metric == metric }) else { row.append("-"); continue }
                row.append("\(figure.value.map(MetricsText.number) ?? "none") (\(MetricsText.number(figure.baseline)))")
            }
            let degraded = round.degradations.map(\.metric)
            row.append(degraded.isEmpty ? "ok" : "DEGRADED: " + degraded.joined(separator: ", "))
            rows.append(row)
        }
        let widths = (0..<rows[0].count - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row.dropLast(), widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[row.count - 1]
        }
    }
}
