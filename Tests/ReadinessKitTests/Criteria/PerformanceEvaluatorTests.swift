import Foundation
import Testing
import OllamaKit
import TestFixtures
@testable import ReadinessKit

/// success-rate, response-time, quality and models-respond from known query outcomes.
struct PerformanceEvaluatorTests {
    static let model = ReadinessConfig.Model(
        name: "planner", critical: true, modelfile: URL(fileURLWithPath: "/m/planner.Modelfile"),
        prompts: [.init(prompt: "How large should my emergency fund be?", expect: ["months"])]
    )
    static let good = QualityScorer().score(answer: "Keep three to six months of expenses.", prompt: "fund?", expect: ["months"])
    static let empty = QualityScorer().score(answer: "", prompt: "fund?", expect: ["months"])

    static func success(_ latency: Double, model: String = "planner") -> QueryOutcome {
        QueryOutcome(
            model: model, prompt: "How large should my emergency fund be?", round: 1, failure: nil, answer: "Keep three to six months of expenses.",
            latency: latency, timeToFirstToken: latency / 10, tokensPerSecond: 40, loadSeconds: 0.5, quality: good
        )
    }

    static func failure(_ reason: String, missing: Bool = false, model: String = "planner") -> QueryOutcome {
        QueryOutcome(
            model: model, prompt: "Should I pay off debt or invest first?", round: 1, failure: reason, modelMissing: missing, answer: "",
            latency: nil, timeToFirstToken: nil, tokensPerSecond: nil, loadSeconds: nil, quality: empty
        )
    }

    @Test func `the summary keeps timings of successful queries and counts every query`() throws {
        let summary = PerformanceSummary([Self.success(1), Self.success(3), Self.success(2), Self.failure("boom")])
        #expect(summary.queries == 4 && summary.failures == 1)
        #expect(summary.successRate == 0.75)
        #expect(summary.latencyAverage == 2 && summary.latencyP50 == 2 && summary.latencyP95 == 3)
        #expect(abs(try #require(summary.timeToFirstTokenAverage) - 0.2) < 1e-12)
        #expect(summary.tokensPerSecondAverage == 40 && summary.loadAverage == 0.5)
        #expect(summary.quality == Self.good.total * 3 / 4)
        #expect(summary.metrics[CriterionResult.Metric.latencyP95] == 3)
        #expect(summary.metrics[CriterionResult.Metric.failures] == 1)
    }

    @Test func `the success rate must be strictly above the threshold`() {
        let atThreshold = PerformanceReport(queries: (0..<4).map { _ in Self.success(1) } + [Self.failure("boom", model: "other")])
        let result = PerformanceEvaluator.successRate(atThreshold, threshold: 0.8)
        #expect(!result.passed && result.measured == 0.8)
        #expect(result.message == "4 of 5 test queries succeeded (80%), not above 80%; failures: other (1 failed)")
        #expect(PerformanceEvaluator.successRate(PerformanceReport(queries: [Self.success(1)]), threshold: 0.8).passed)
        #expect(!PerformanceEvaluator.successRate(PerformanceReport(queries: []), threshold: 0.8).passed)
    }

    @Test func `response time is the average of successful answers, with percentiles in the metrics`() {
        let fast = PerformanceEvaluator.responseTime(Self.model, outcomes: [Self.success(2), Self.success(4)], threshold: 30)
        #expect(fast.passed && fast.measured == 3)
        #expect(fast.message == "planner answered in 3.00 s on average (p50 2.00 s, p95 4.00 s, first token 0.30 s), below 30.00 s")
        #expect(fast.metrics[CriterionResult.Metric.latencyP50] == 2)
        let slow = PerformanceEvaluator.responseTime(Self.model, outcomes: [Self.success(31)], threshold: 30)
        #expect(!slow.passed && slow.message.hasSuffix("not below 30.00 s"))
        let missing = PerformanceEvaluator.responseTime(Self.model, outcomes: [Self.failure("not found", missing: true)], threshold: 30)
        #expect(!missing.passed && missing.measured == nil)
        #expect(missing.message == "planner has no successful answer to time (1 of 1 queries failed): it is missing (build it: ollama create planner -f /m/planner.Modelfile)")
        #expect(missing.actions == ["ollama create planner -f /m/planner.Modelfile"])
    }

    @Test func `quality counts failed queries as zero and quotes the weakest answer`() {
        let passing = PerformanceEvaluator.quality(Self.model, outcomes: [Self.success(1)], threshold: 0.6)
        #expect(passing.passed && passing.measured == Self.good.total)
        let failing = PerformanceEvaluator.quality(Self.model, outcomes: [Self.success(1), Self.failure("HTTP 500")], threshold: 0.6)
        #expect(!failing.passed && failing.measured == Self.good.total / 2)
        #expect(failing.message == "planner scored 0.50 on average over 2 answers, not above 0.60; weakest: 'Should I pay off debt or invest first?' scored 0.00 (failed: HTTP 500)")
        let missing = PerformanceEvaluator.quality(Self.model, outcomes: [Self.failure("not found", missing: true)], threshold: 0.6)
        #expect(missing.message == "planner scored 0.00 on average over 1 answers, not above 0.60: it is missing (build it: ollama create planner -f /m/planner.Modelfile)")
        #expect(missing.actions == ["ollama create planner -f /m/planner.Modelfile"])
    }

    @Test func `a model responds only when every query succeeded`() {
        let all = FunctionalityEvaluator.evaluate(Self.model, outcomes: [Self.success(1), Self.success(2)])
        #expect(all.passed && all.message == "planner answered all 2 test queries")
        let missing = FunctionalityEvaluator.evaluate(Self.model, outcomes: [Self.failure("model 'planner' not found", missing: true)])
        #expect(missing.message == "planner answered 0 of 1 test queries: it is missing (build it: ollama create planner -f /m/planner.Modelfile)")
        let broken = FunctionalityEvaluator.evaluate(Self.model, outcomes: [Self.success(1)] + (0..<4).map { _ in Self.failure("HTTP 500") })
        #expect(!broken.passed && broken.measured == 1 && broken.threshold == .init(.atLeast, 5, unit: "count"))
        #expect(broken.message == "planner answered 1 of 5 test queries: 'Should I pay off debt or invest first?' failed: HTTP 500; 'Should I pay off debt or invest first?' failed: HTTP 500; 'Should I pay off debt or invest first?' failed: HTTP 500; and 1 more")
        #expect(!FunctionalityEvaluator.evaluate(Self.model, outcomes: []).passed)
    }

    @Test func `display paths are relative inside the current directory`() {
        let url = URL(fileURLWithPath: "/repo/fixtures/m.Modelfile")
        #expect(ModelActions.displayPath(url, currentDirectory: "/repo") == "fixtures/m.Modelfile")
        #expect(ModelActions.displayPath(url, currentDirectory: "/repo/") == "fixtures/m.Modelfile")
        #expect(ModelActions.displayPath(url, currentDirectory: "/rep") == "/repo/fixtures/m.Modelfile")
    }

    @Test func `an answer the judge could not grade fails quality with the reason, however good the heuristic score`() {
        var ungraded = Self.success(1)
        ungraded.quality = Self.good.withProblem(JudgeRubric.unreadable("Looks fine to me!", judge: "llama3.2"))
        let result = PerformanceEvaluator.quality(Self.model, outcomes: [Self.success(1), ungraded], threshold: 0.1)
        #expect(!result.passed)
        #expect(result.message == #"planner's quality could not be established for 1 of 2 answers: the judge model 'llama3.2' did not end its reply with a line 'Score: N/10' (N from 0 to 10): it replied "Looks fine to me!""#)
    }

    @Test func `an unreachable judge is a problem of the score, never a grade of 0`() async throws {
        var config = try StreamFixtures.config()
        config.judge = .init(model: "llama3.2", weight: 0.5)
        let run = PerformanceRun(
            config: config, client: OllamaClient(.init(baseURL: URL(string: "http://127.0.0.1:9")!, connectTimeout: .seconds(2))),
            budget: RequestBudget(limit: 1)
        )
        let score = await run.score("Keep three to six months of expenses.", for: .init(prompt: "fund?", expect: ["months"]))
        #expect(score.problem?.hasPrefix("the judge model 'llama3.2' could not grade the answer: ") == true)
        #expect(score.component("judge") == nil)
        #expect(score.total == Self.good.total)
    }

    static func round(_ round: Int, prompt: String, ok: Bool) -> QueryOutcome {
        var outcome = ok ? success(1) : failure("HTTP 500")
        outcome.prompt = prompt
        outcome.round = round
        return outcome
    }

    @Test func `with passRounds a prompt passes when k of its n rounds succeeded`() {
        // "a" passes 2 of 3, "b" 1 of 3: one prompt of two passes 2-of-3, 50%.
        let report = PerformanceReport(queries: [
            Self.round(1, prompt: "a", ok: true), Self.round(2, prompt: "a", ok: false), Self.round(3, prompt: "a", ok: true),
            Self.round(1, prompt: "b", ok: false), Self.round(2, prompt: "b", ok: true), Self.round(3, prompt: "b", ok: false),
        ])
        #expect(report.prompts(passing: 2).map(\.passed) == [true, false])
        var thresholds = ReadinessConfig.Thresholds()
        thresholds.rounds = 3
        thresholds.passRounds = 2
        thresholds.successRate = 0.4
        let result = PerformanceEvaluator.successRate(report, thresholds: thresholds)
        #expect(result.passed && result.measured == 0.5)
        #expect(result.message == "1 of 2 test prompts succeeded in at least 2 of their rounds (50%), above 40%; failing: planner 'b' (1 of 3)")
        thresholds.passRounds = 1
        #expect(PerformanceEvaluator.successRate(report, thresholds: thresholds).measured == 1)
        let responds = FunctionalityEvaluator.evaluate(Self.model, outcomes: report.queries, passRounds: 2)
        #expect(!responds.passed && responds.measured == 1)
        #expect(FunctionalityEvaluator.evaluate(Self.model, outcomes: report.queries, passRounds: 1).passed)
        // Without passRounds every query counts: 3 of 6.
        thresholds.passRounds = nil
        #expect(PerformanceEvaluator.successRate(report, thresholds: thresholds).measured == 0.5)
    }

    @Test func `p95, time to first token and tokens per second gate response time when set`() {
        let outcomes = [Self.success(2), Self.success(4)]
        var thresholds = ReadinessConfig.Thresholds()
        #expect(PerformanceEvaluator.responseTime(Self.model, outcomes: outcomes, thresholds: thresholds).passed)
        thresholds.p95ResponseSeconds = 4
        let slowTail = PerformanceEvaluator.responseTime(Self.model, outcomes: outcomes, thresholds: thresholds)
        #expect(!slowTail.passed && slowTail.measured == 3)
        #expect(slowTail.message.hasSuffix("below 30.00 s; but p95 4.00 s is not below 4.00 s"))
        thresholds.p95ResponseSeconds = 5
        thresholds.timeToFirstTokenSeconds = 0.25
        thresholds.minimumTokensPerSecond = 50
        let misses = PerformanceEvaluator.extraBarsMissed(PerformanceSummary(outcomes), thresholds)
        #expect(misses == ["first token 0.30 s is not below 0.25 s", "40.0 tokens/s is below 50.0"])
        thresholds.timeToFirstTokenSeconds = 1
        thresholds.minimumTokensPerSecond = 40
        #expect(PerformanceEvaluator.responseTime(Self.model, outcomes: outcomes, thresholds: thresholds).passed)
    }
}
