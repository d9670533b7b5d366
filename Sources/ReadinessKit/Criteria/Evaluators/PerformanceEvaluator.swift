import Foundation

/// Decides `success-rate` (fleet-wide), `response-time` and `quality` (per model) from a performance run.
public enum PerformanceEvaluator {
    /// Whether more than `threshold` of all test queries succeeded.
    public static func successRate(_ report: PerformanceReport, threshold: Double) -> CriterionResult {
        let fleet = report.fleet
        let bar = CriterionResult.Threshold(.greaterThan, threshold, unit: "ratio")
        guard fleet.queries > 0 else {
            return Criterion.successRate.result(passed: false, threshold: bar, message: "no test queries were sent", actions: ["Add critical models with test prompts to readiness.json."])
        }
        let passed = bar.isMet(by: fleet.successRate)
        let failing = Dictionary(grouping: report.queries.filter { !$0.succeeded }, by: \.model)
        let worst = failing.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            .map { "\($0.key) (\($0.value.count) failed)" }
        let summary = "\(fleet.queries - fleet.failures) of \(fleet.queries) test queries succeeded (\(percent(fleet.successRate)))"
        return Criterion.successRate.result(
            passed: passed, measured: fleet.successRate, threshold: bar,
            message: summary + (passed ? ", above \(percent(threshold))" : ", not above \(percent(threshold))")
                + (worst.isEmpty ? "" : "; failures: " + worst.joined(separator: ", ")),
            actions: passed ? [] : ["Build or repair the failing models (see models-available and models-respond), then run the check again."],
            metrics: fleet.metrics
        )
    }

    /// Whether `model`'s average response time over its successful queries is below `threshold` seconds.
    public static func responseTime(_ model: ReadinessConfig.Model, outcomes: [QueryOutcome], threshold: Double) -> CriterionResult {
        let summary = PerformanceSummary(outcomes)
        let bar = CriterionResult.Threshold(.lessThan, threshold, unit: "s")
        guard let average = summary.latencyAverage else {
            let missing = missingNote(model, outcomes)
            return Criterion.responseTime.result(
                model: model.name, passed: false, threshold: bar,
                message: "\(model.name) has no successful answer to time (\(summary.failures) of \(summary.queries) queries failed)" + missing,
                actions: [missing.isEmpty ? "See models-respond for why \(model.name) does not answer." : ModelActions.build(model)],
                metrics: summary.metrics
            )
        }
        let passed = bar.isMet(by: average)
        let detail = "p50 \(seconds(summary.latencyP50)), p95 \(seconds(summary.latencyP95)), first token \(seconds(summary.timeToFirstTokenAverage))"
        return Criterion.responseTime.result(
            model: model.name, passed: passed, measured: average, threshold: bar,
            message: "\(model.name) answered in \(seconds(average)) on average (\(detail)), "
                + (passed ? "below" : "not below") + " \(seconds(threshold))",
            actions: passed ? [] : ["Speed up \(model.name): use a smaller base model or quantization, lower num_ctx, or keep it loaded (OLLAMA_KEEP_ALIVE)."],
            metrics: summary.metrics
        )
    }

    /// Whether `model`'s average quality score over its queries is above `threshold` (failed queries score 0).
    public static func quality(_ model: ReadinessConfig.Model, outcomes: [QueryOutcome], threshold: Double) -> CriterionResult {
        let summary = PerformanceSummary(outcomes)
        let bar = CriterionResult.Threshold(.greaterThan, threshold, unit: "score")
        guard !outcomes.isEmpty else {
            return Criterion.quality.result(model: model.name, passed: false, threshold: bar, message: "\(model.name) was sent no test queries")
        }
        // A score that could not be established (an unreadable judge reply) is an evidence problem: never a pass.
        let ungraded = outcomes.filter { $0.quality.problem != nil }
        if let first = ungraded.first?.quality.problem {
            return Criterion.quality.result(
                model: model.name, passed: false, threshold: bar,
                message: "\(model.name)'s quality could not be established for \(ungraded.count) of \(outcomes.count) answers: \(first)",
                actions: ["Make the judge model reply with a last line 'Score: N/10' (or fix the judge in readiness.json), then run the check again."],
                metrics: summary.metrics
            )
        }
        let passed = bar.isMet(by: summary.quality)
        var message = "\(model.name) scored \(score(summary.quality)) on average over \(outcomes.count) answers, "
            + (passed ? "above" : "not above") + " \(score(threshold))"
        var actions: [String] = []
        let missing = missingNote(model, outcomes)
        if !passed, !missing.isEmpty {
            message += missing
            actions = [ModelActions.build(model)]
        } else if !passed, let weakest = outcomes.min(by: { $0.quality.total < $1.quality.total }) {
            let reason = weakest.failure.map { "failed: \($0)" } ?? weakest.quality.components
                .filter { $0.score < 1 }.map(\.detail).joined(separator: "; ")
            message += "; weakest: '\(FunctionalityEvaluator.abbreviated(weakest.prompt))' scored \(score(weakest.quality.total))"
                + (reason.isEmpty ? "" : " (\(reason))")
            actions = ["Improve \(model.name)'s SYSTEM prompt in its Modelfile so answers cover the expected keywords, then rebuild it."]
        }
        return Criterion.quality.result(
            model: model.name, passed: passed, measured: summary.quality, threshold: bar,
            message: message, actions: actions, metrics: summary.metrics
        )
    }

    /// ": it is missing (build it: …)" when every query failed because Ollama does not have the model, else "".
    static func missingNote(_ model: ReadinessConfig.Model, _ outcomes: [QueryOutcome]) -> String {
        guard !outcomes.isEmpty, outcomes.allSatisfy(\.modelMissing) else { return "" }
        return ": it is missing (build it: \(ModelActions.build(model)))"
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.0f%%", fraction * 100)
    }

    static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.2f s", $0) } ?? "n/a"
    }

    static func score(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
