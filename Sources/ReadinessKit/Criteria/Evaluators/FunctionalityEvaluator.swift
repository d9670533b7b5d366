/// Decides `models-respond`: a model answered every one of its test queries (every prompt, every round).
package enum FunctionalityEvaluator {
    /// How many failed queries a message quotes before summarizing the rest.
    static let quotedFailures = 3

    /// Judges `model` by its queries of the performance run.
    /// - Parameters:
    ///   - model: The configured model.
    ///   - outcomes: Its queries (`PerformanceReport.queries(for:)`); none is a failure.
    ///   - passRounds: The k of `thresholds.passRounds`: each prompt must succeed in at least k of its rounds;
    ///     `nil` asks for every query.
    package static func evaluate(_ model: ReadinessConfig.Model, outcomes: [QueryOutcome], passRounds: Int? = nil) -> CriterionResult {
        let criterion = Criterion.modelsRespond
        if let k = passRounds, !outcomes.isEmpty {
            let prompts = PerformanceReport(queries: outcomes).prompts(passing: k)
            let failing = prompts.filter { !$0.passed }
            let bar = CriterionResult.Threshold(.atLeast, Double(prompts.count), unit: "count")
            let measured = Double(prompts.count - failing.count)
            guard !failing.isEmpty else {
                return criterion.result(
                    model: model.name, passed: true, measured: measured, threshold: bar,
                    message: "\(model.name) answered all \(prompts.count) test prompts in at least \(k) of their rounds"
                )
            }
            let quoted = failing.map { "'\(abbreviated($0.prompt))' succeeded in \($0.succeeded) of \($0.rounds.count) rounds" }
            return criterion.result(
                model: model.name, passed: false, measured: measured, threshold: bar,
                message: "\(model.name) answered \(Int(measured)) of \(prompts.count) test prompts in at least \(k) of their rounds: "
                    + quoted.joined(separator: "; ") + PerformanceEvaluator.missingNote(model, outcomes),
                actions: ["Check the model by hand: " + ModelActions.run(model.name, prompt: failing[0].prompt)]
            )
        }
        let failed = outcomes.filter { !$0.succeeded }
        let answered = Double(outcomes.count - failed.count)
        let bar = CriterionResult.Threshold(.atLeast, Double(outcomes.count), unit: "count")
        guard !outcomes.isEmpty else {
            return criterion.result(
                model: model.name, passed: false, message: "\(model.name) was sent no test queries",
                actions: ["Add test prompts to \(model.name) in readiness.json."]
            )
        }
        guard !failed.isEmpty else {
            return criterion.result(
                model: model.name, passed: true, measured: answered, threshold: bar,
                message: "\(model.name) answered all \(outcomes.count) test queries"
            )
        }
        let missing = PerformanceEvaluator.missingNote(model, outcomes)
        if !missing.isEmpty {
            return criterion.result(
                model: model.name, passed: false, measured: answered, threshold: bar,
                message: "\(model.name) answered \(Int(answered)) of \(outcomes.count) test queries" + missing,
                actions: [ModelActions.build(model)]
            )
        }
        return criterion.result(
            model: model.name, passed: false, measured: answered, threshold: bar,
            message: "\(model.name) answered \(Int(answered)) of \(outcomes.count) test queries: " + describe(failed),
            actions: ["Check the model by hand: " + ModelActions.run(model.name, prompt: failed[0].prompt)]
        )
    }

    /// "'How large…' failed: model 'x' not found; …", quoting the first few failures.
    static func describe(_ failed: [QueryOutcome]) -> String {
        var parts = failed.prefix(quotedFailures).map { "'\(abbreviated($0.prompt))' failed: \(UntrustedText.excerpt($0.failure ?? "no answer"))" }
        if failed.count > quotedFailures { parts.append("and \(failed.count - quotedFailures) more") }
        return parts.joined(separator: "; ")
    }

    /// The prompt cut to 40 characters, for messages.
    static func abbreviated(_ prompt: String) -> String {
        UntrustedText.excerpt(prompt, limit: 40)
    }
}
