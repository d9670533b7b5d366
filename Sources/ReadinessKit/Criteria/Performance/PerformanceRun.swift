import Foundation
import OllamaKit

/// The performance run: every test prompt of every critical model, `thresholds.rounds` times, each query
/// through the request budget, measured (latency, time to first token, tokens/s, load time) and scored.
///
/// `readiness perf` and the Performance suite both run this, so the two can never disagree.
///
/// Scheduling respects model loading. The plan is model by model; `budget.limit` workers take its items in
/// order, so one model's queries run together and the next model starts only as slots free up. Each model is
/// first warmed up the way Ollama documents it (a generate request without a prompt, answered with
/// `done_reason` "load" once the model is in memory); its queries wait for that warm-up, so the load time is
/// measured on its own and never inside a query's latency.
///
/// Measurement: wall times on a monotonic clock (`ContinuousClock`), beside Ollama's own `*_duration` fields;
/// a timeout is a failure recorded at its timeout; judge requests and warm-ups are never counted as latency.
package struct PerformanceRun: Sendable {
    package var config: ReadinessConfig
    package var client: OllamaClient
    package var budget: RequestBudget
    package var scorer = QualityScorer()
    /// Whether each model is loaded before its queries (default `true`).
    package var warmUp = true
    /// Sends the queries round-robin across models instead of model by model, without warm-ups: the order a
    /// naive client uses, kept only so `make bench` can show what it costs when models do not all fit.
    package var interleaved = false
    /// Called as each warm-up and query finishes (for progress on a terminal); from any task.
    package var progress: (@Sendable (Progress) -> Void)?

    /// One finished step of the run, for progress lines.
    package enum Progress: Sendable {
        case loaded(ModelLoad)
        case answered(QueryOutcome, done: Int, of: Int)
    }

    package init(config: ReadinessConfig, client: OllamaClient, budget: RequestBudget) {
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

    /// One step of the plan: a model's warm-up, or one of its queries (`index` into `plan`).
    enum Step: Sendable {
        case warmUp(modelIndex: Int)
        case query(index: Int, modelIndex: Int)
    }

    /// The queries: model by model in file order, round by round, prompt by prompt.
    var plan: [Query] {
        config.criticalModels.flatMap { model in
            (1...max(1, config.thresholds.rounds)).flatMap { round in
                model.prompts.map { Query(model: model, prompt: $0, round: round) }
            }
        }
    }

    /// The steps in the order workers take them: each model's warm-up, then its queries.
    func steps(_ plan: [Query]) -> [Step] {
        var steps: [Step] = []
        if interleaved {
            let models = config.criticalModels.map(\.name)
            var queriesByModel: [String: [Int]] = [:]
            for (index, query) in plan.enumerated() { queriesByModel[query.model.name, default: []].append(index) }
            var perModel = models.map { queriesByModel[$0] ?? [] }
            while perModel.contains(where: { !$0.isEmpty }) {
                for modelIndex in perModel.indices where !perModel[modelIndex].isEmpty {
                    steps.append(.query(index: perModel[modelIndex].removeFirst(), modelIndex: modelIndex))
                }
            }
            return steps
        }
        // The plan's queries grouped by model in one pass, so building the steps stays linear in the plan.
        var queriesByModel: [String: [Int]] = [:]
        for (index, query) in plan.enumerated() { queriesByModel[query.model.name, default: []].append(index) }
        for (modelIndex, model) in config.criticalModels.enumerated() {
            if warmUp { steps.append(.warmUp(modelIndex: modelIndex)) }
            for index in queriesByModel[model.name] ?? [] {
                steps.append(.query(index: index, modelIndex: modelIndex))
            }
        }
        return steps
    }

    /// Sends every warm-up and planned query, at most `budget.limit` in flight, and returns the outcomes in
    /// plan order.
    package func run() async -> PerformanceReport {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = self.plan
        let models = config.criticalModels
        let state = RunState(steps: steps(plan), models: models.count, queries: plan.count)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<budget.limit {
                group.addTask {
                    while let step = await state.next() {
                        switch step {
                        case .warmUp(let modelIndex):
                            let (load, loaded) = await self.load(models[modelIndex].name)
                            await state.finishWarmUp(modelIndex, load, observedLoad: loaded)
                            self.progress?(.loaded(load))
                        case .query(let index, let modelIndex):
                            if self.warmUp && !self.interleaved { await state.waitForWarmUp(modelIndex) }
                            let (outcome, loaded) = await self.send(plan[index])
                            let done = await state.finish(index, outcome, observedLoad: loaded)
                            self.progress?(.answered(outcome, done: done, of: plan.count))
                        }
                    }
                }
            }
        }
        let result = await state.result
        return PerformanceReport(
            queries: result.outcomes.compactMap { $0 }, loads: result.loads.compactMap { $0 },
            observedLoads: result.observedLoads, wallSeconds: start.duration(to: clock.now).timeInterval)
    }

    /// Loads `model` with a prompt-less generate request, through the budget.
    ///
    /// Ollama answers a load without metrics, so whether the warm-up loaded the model is read from `/api/ps`
    /// just before it: a model not listed there was loaded by the warm-up, whose wall time is then its load time.
    /// - Returns: The warm-up, and whether it loaded the model.
    func load(_ model: String) async -> (ModelLoad, Bool) {
        let clock = ContinuousClock()
        let running = try? await budget.withPermit { try await client.runningModels(timeout: timeout) }
        let wasLoaded = running?.models.contains { ModelName.matches($0.name, model) } ?? false
        let start = clock.now
        do {
            let answer = try await budget.withPermit {
                try await client.generate(GenerateRequest(model: model, stream: false), timeout: timeout)
            }
            let wall = start.duration(to: clock.now).timeInterval
            let reported = answer.metrics.loadDuration.flatMap { $0 > 0 ? Double($0) / 1e9 : nil }
            let loaded = reported != nil || (running != nil && !wasLoaded)
            let load = ModelLoad(
                model: model, loadSeconds: reported ?? (loaded ? wall : nil), wallSeconds: wall,
                doneReason: answer.doneReason, failure: nil)
            return (load, loaded)
        } catch {
            return (ModelLoad(model: model, loadSeconds: nil, wallSeconds: start.duration(to: clock.now).timeInterval, doneReason: nil, failure: "\(error)"), false)
        }
    }

    /// Sends one query and measures it; a failure becomes an outcome, never an error.
    /// - Returns: The outcome, and whether Ollama loaded the model for it (`load_duration` > 0).
    func send(_ query: Query) async -> (QueryOutcome, Bool) {
        let prompt = query.prompt
        let request = GenerateRequest(model: query.model.name, prompt: prompt.prompt, system: prompt.system)
        let unanswered = scorer.score(answer: "", prompt: prompt.prompt, expect: prompt.expect)
        var outcome = QueryOutcome(
            model: query.model.name, prompt: prompt.prompt, round: query.round, failure: nil, answer: "",
            latency: nil, timeToFirstToken: nil, tokensPerSecond: nil, loadSeconds: nil, quality: unanswered
        )
        let clock = ContinuousClock()
        let generation: TimedGeneration
        do {
            generation = try await budget.withPermit {
                let start = clock.now
                do {
                    return try await client.timedGenerate(request, timeout: timeout)
                } catch {
                    outcome.failedAfter = start.duration(to: clock.now).timeInterval
                    throw error
                }
            }
        } catch {
            let kind = FailureKind(error)
            outcome.failure = "\(error)"
            outcome.failureKind = kind
            outcome.modelMissing = kind == .modelMissing
            // A timeout counts at its timeout, whatever the clock read when the client gave up.
            if kind == .timeout { outcome.failedAfter = timeout.timeInterval }
            return (outcome, false)
        }
        outcome.answer = generation.text
        outcome.latency = generation.wallTime.timeInterval
        outcome.timeToFirstToken = generation.timeToFirstToken.map(\.timeInterval)
        outcome.tokensPerSecond = generation.final.metrics.tokensPerSecond
        let load = generation.final.metrics.loadDuration.flatMap { $0 > 0 ? Double($0) / 1e9 : nil }
        outcome.loadSeconds = load
        outcome.ollamaTotalSeconds = generation.final.metrics.totalDuration.map { Double($0) / 1e9 }
        if generation.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            outcome.failure = "the answer was empty"
            outcome.failureKind = .emptyAnswer
            outcome.failedAfter = outcome.latency
        } else {
            outcome.quality = await score(generation.text, for: prompt)
        }
        return (outcome, load != nil)
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

/// The shared cursor and results of one run: workers take steps in order and wait for warm-ups here.
private actor RunState {
    private let steps: [PerformanceRun.Step]
    private var cursor = 0
    private(set) var outcomes: [QueryOutcome?]
    private(set) var loads: [ModelLoad?]
    private(set) var observedLoads = 0
    private var done = 0
    private var warmedUp: Set<Int> = []
    private var waiting: [Int: [CheckedContinuation<Void, Never>]] = [:]

    init(steps: [PerformanceRun.Step], models: Int, queries: Int) {
        self.steps = steps
        outcomes = Array(repeating: nil, count: queries)
        loads = Array(repeating: nil, count: models)
    }

    func next() -> PerformanceRun.Step? {
        guard cursor < steps.count else { return nil }
        defer { cursor += 1 }
        return steps[cursor]
    }

    func waitForWarmUp(_ model: Int) async {
        guard !warmedUp.contains(model) else { return }
        await withCheckedContinuation { waiting[model, default: []].append($0) }
    }

    func finishWarmUp(_ model: Int, _ load: ModelLoad, observedLoad: Bool) {
        loads[model] = load
        if observedLoad { observedLoads += 1 }
        warmedUp.insert(model)
        for waiter in waiting.removeValue(forKey: model) ?? [] { waiter.resume() }
    }

    func finish(_ index: Int, _ outcome: QueryOutcome, observedLoad: Bool) -> Int {
        outcomes[index] = outcome
        if observedLoad { observedLoads += 1 }
        done += 1
        return done
    }

    var result: (outcomes: [QueryOutcome?], loads: [ModelLoad?], observedLoads: Int) {
        (outcomes, loads, observedLoads)
    }
}
