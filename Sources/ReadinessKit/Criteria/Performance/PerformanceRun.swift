import Foundation
import OllamaKit

/// The performance run: every test prompt of every critical model, `thresholds.rounds` times, each query
/// through the request budget, measured (latency, time to first token, tokens/s, load time) and scored.
public struct PerformanceRun: Sendable {
    public var config: ReadinessConfig
    public var client: OllamaClient
    public var budget: RequestBudget
    public var scorer = QualityScorer()

    public init(config: ReadinessConfig, client: OllamaClient, budget: RequestBudget) {
        self.config = config
        self.client = client
        self.budget = budget
    }

    /// One planned query.
    struct Query: Sendable {
        var model: ReadinessConfig.Model
        var prompt: ReadinessConfig.Prompt
        var round: Int
    }

    /// The queries: model by model in file order, round by round, prompt by prompt.
    var plan: [Query] {
        config.criticalModels.flatMap { model in
            (1...max(1, config.thresholds.rounds)).flatMap { round in
                model.prompts.map { Query(model: model, prompt: $0, round: round) }
            }
        }
    }

    /// Sends every planned query (the budget keeps at most `budget.limit` in flight) and returns the outcomes
    /// in plan order.
    public func run() async -> PerformanceReport {
        let plan = self.plan
        var outcomes = [QueryOutcome?](repeating: nil, count: plan.count)
        await withTaskGroup(of: (Int, QueryOutcome).self) { group in
            for (index, query) in plan.enumerated() {
                group.addTask { (index, await self.send(query)) }
            }
            for await (index, outcome) in group { outcomes[index] = outcome }
        }
        return PerformanceReport(queries: outcomes.compactMap { $0 })
    }

    /// Sends one query and measures it; a failure becomes an outcome, never an error.
    func send(_ query: Query) async -> QueryOutcome {
        let prompt = query.prompt
        let request = GenerateRequest(model: query.model.name, prompt: prompt.prompt, system: prompt.system)
        let unanswered = scorer.score(answer: "", prompt: prompt.prompt, expect: prompt.expect)
        var outcome = QueryOutcome(
            model: query.model.name, prompt: prompt.prompt, round: query.round, failure: nil, answer: "",
            latency: nil, timeToFirstToken: nil, tokensPerSecond: nil, loadSeconds: nil, quality: unanswered
        )
        let generation: TimedGeneration
        do {
            generation = try await budget.withPermit { try await client.timedGenerate(request, timeout: timeout) }
        } catch {
            outcome.failure = "\(error)"
            outcome.modelMissing = (error as? OllamaError)?.isModelNotFound ?? false
            return outcome
        }
        outcome.answer = generation.text
        outcome.latency = generation.wallTime.timeInterval
        outcome.timeToFirstToken = generation.timeToFirstToken.map(\.timeInterval)
        outcome.tokensPerSecond = generation.final.metrics.tokensPerSecond
        outcome.loadSeconds = generation.final.metrics.loadDuration.map { Double($0) / 1e9 }
        if generation.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            outcome.failure = "the answer was empty"
        } else {
            outcome.quality = await score(generation.text, for: prompt)
        }
        return outcome
    }

    /// The heuristic score, blended with the judge model's grade when readiness.json names a judge.
    ///
    /// A judge that fails or whose reply breaks `JudgeRubric.parseScore`'s grammar gives no grade: the score
    /// carries the problem, which fails the quality criterion; it is never a grade of 0 nor a pass on the
    /// heuristic alone.
    func score(_ answer: String, for prompt: ReadinessConfig.Prompt) async -> QualityScore {
        let heuristic = scorer.score(answer: answer, prompt: prompt.prompt, expect: prompt.expect)
        guard let judge = config.judge else { return heuristic }
        let request = GenerateRequest(
            model: judge.model, prompt: JudgeRubric.prompt(question: prompt.prompt, answer: answer, expect: prompt.expect)
        )
        let reply: TimedGeneration
        do {
            reply = try await budget.withPermit { try await client.timedGenerate(request, timeout: timeout) }
        } catch {
            return heuristic.withProblem("the judge model '\(judge.model)' could not grade the answer: \(error)")
        }
        guard let grade = JudgeRubric.parseScore(reply.text) else {
            return heuristic.withProblem(JudgeRubric.unreadable(reply.text, judge: judge.model))
        }
        return heuristic.blended(withJudge: grade, weight: judge.weight)
    }

    private var timeout: Duration { .seconds(config.thresholds.requestTimeoutSeconds) }
}
