import Foundation

/// Decides `success-rate` (fleet-wide), `response-time` and `quality` (per model) from a performance run.
package enum PerformanceEvaluator {
    /// `successRate(_:threshold:)` under the config's thresholds; with `passRounds` (k of n rounds) the rate
    /// counts prompts, a prompt succeeding when at least k of its rounds did.
    package static func successRate(_ report: PerformanceReport, thresholds: ReadinessConfig.Thresholds) -> CriterionResult {
        guard thresholds.passRounds != nil, !report.queries.isEmpty else {
            return successRate(report, threshold: thresholds.successRate)
        }
        let k = thresholds.roundsToPass
        let prompts = report.prompts(passing: k)
        let passing = prompts.count(where: \.passed)
        let rate = Double(passing) / Double(prompts.count)
        let bar = CriterionResult.Threshold(.greaterThan, thresholds.successRate, unit: "ratio")
        let passed = bar.isMet(by: rate)
        let failing = prompts.filter { !$0.passed }.map { "\($0.model) '\(FunctionalityEvaluator.abbreviated($0.prompt))' (\($0.succeeded) of \($0.rounds.count))" }
        var metrics = report.fleet.metrics
        metrics[CriterionResult.Metric.successRate] = rate
        return Criterion.successRate.result(
            passed: passed, measured: rate, threshold: bar,
            message: "\(passing) of \(prompts.count) test prompts succeeded in at least \(k) of their rounds (\(percent(rate)))"
                + (passed ? ", above \(percent(thresholds.successRate))" : ", not above \(percent(thresholds.successRate))")
                + (failing.isEmpty ? "" : "; failing: " + failing.prefix(5).joined(separator: ", ") + (failing.count > 5 ? ", and \(failing.count - 5) more" : "")),
            actions: passed ? [] : ["Build or repair the failing models (see models-available and models-respond), then run the check again."],
            metrics: metrics
        )
    }

    /// Whether more than `threshold` of all test queries succeeded.
    package static func successRate(_ report: PerformanceReport, threshold: Double) -> CriterionResult {
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
    package static func responseTime(_ model: ReadinessConfig.Model, outcomes: [QueryOutcome], threshold: Double) -> CriterionResult {
        var thresholds = ReadinessConfig.Thresholds()
        thresholds.averageResponseSeconds = threshold
        return responseTime(model, outcomes: outcomes, thresholds: thresholds)
    }

    /// Whether `model`'s average response time is below `thresholds.averageResponseSeconds`, and, for each
    /// optional bar that is set, its p95 below `p95ResponseSeconds`, its average time to first token below
    /// `timeToFirstTokenSeconds` and its average tokens/s at least `minimumTokensPerSecond`.
    /// The measured value stays the average; the other bars are reported in the message when they fail.
    package static func responseTime(
        _ model: ReadinessConfig.Model, outcomes: [QueryOutcome], loads: [ModelLoad] = [], thresholds: ReadinessConfig.Thresholds
    ) -> CriterionResult {
        let threshold = thresholds.averageResponseSeconds
        let summary = PerformanceSummary(outcomes, loads: loads)
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
        let misses = extraBarsMissed(summary, thresholds)
        let passed = bar.isMet(by: average) && misses.isEmpty
        let detail = "p50 \(seconds(summary.latencyP50)), p95 \(seconds(summary.latencyP95)), first token \(seconds(summary.timeToFirstTokenAverage))"
        return Criterion.responseTime.result(
            model: model.name, passed: passed, measured: average, threshold: bar,
            message: "\(model.name) answered in \(seconds(average)) on average (\(detail)), "
                + (bar.isMet(by: average) ? "below" : "not below") + " \(seconds(threshold))"
                + (misses.isEmpty ? "" : "; but " + misses.joined(separator: "; ")),
            actions: passed ? [] : ["Speed up \(model.name): use a smaller base model or quantization, lower num_ctx, or keep it loaded (OLLAMA_KEEP_ALIVE)."],
            metrics: summary.metrics
        )
    }

    /// Whether `model`'s average quality score over its queries is above `threshold` (failed queries score 0).
    package static func quality(_ model: ReadinessConfig.Model, outcomes: [QueryOutcome], threshold: Double) -> CriterionResult {
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

    /// The optional performance bars `summary` misses, as phrases ("p95 4.00 s is not below 3.00 s").
    /// A bar with nothing measured (no first token, no eval metrics) is missed: it cannot be shown to hold.
    package static func extraBarsMissed(_ summary: PerformanceSummary, _ thresholds: ReadinessConfig.Thresholds) -> [String] {
        var misses: [String] = []
        if let limit = thresholds.p95ResponseSeconds, !((summary.latencyP95 ?? .infinity) < limit) {
            misses.append("p95 \(seconds(summary.latencyP95)) is not below \(seconds(limit))")
        }
        if let limit = thresholds.timeToFirstTokenSeconds, !((summary.timeToFirstTokenAverage ?? .infinity) < limit) {
            misses.append("first token \(seconds(summary.timeToFirstTokenAverage)) is not below \(seconds(limit))")
        }
        if let floor = thresholds.minimumTokensPerSecond, !((summary.tokensPerSecondAverage ?? 0) >= floor) {
            misses.append("\(summary.tokensPerSecondAverage.map { String(format: "%.1f", $0) } ?? "n/a") tokens/s is below \(String(format: "%.1f", floor))")
        }
        return misses
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
