import Foundation
import OllamaKit
import OllamaSimulator
import TestFixtures
import Testing
@testable import ReadinessKit

/// Every criterion end to end: evidence from an in-process simulator, evaluated by the checklist.
struct ChecklistTests {
    static let scenarios = DomainFixtures.root.appendingPathComponent("fixtures/scenarios")
    static let missing = ["financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6"]
    static let present = ["matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2"]

    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(from: scenarios.appendingPathComponent("\(name).json"))
    }

    /// The Mirador config pointed at `host`, with the disk limit at 100% so no result depends on this machine's disk.
    static func checklist(host: URL, _ adjust: (inout ReadinessConfig) -> Void = { _ in }) throws -> Checklist {
        var config = try ReadinessConfig.load(
            from: DomainFixtures.mirador.appendingPathComponent("readiness.json"),
            environment: ["OLLAMA_HOST": host.absoluteString, "HOME": NSTemporaryDirectory()]
        )
        config.thresholds.diskUsedFraction = 1
        adjust(&config)
        return Checklist(config: config, evidence: OllamaEvidence(config: config))
    }

    /// Every result of every criterion, by criterion.
    static func evaluateAll(_ checklist: Checklist) async -> [(Criterion, [CriterionResult])] {
        var all: [(Criterion, [CriterionResult])] = []
        for criterion in Criterion.all { all.append((criterion, await checklist.evaluate(criterion))) }
        return all
    }

    @Test func `on the healthy scenario every criterion passes`() async throws {
        let scenario = try Self.scenario("healthy")
        try await withSimulator(scenario) { url in
            let checklist = try Self.checklist(host: url)
            for (criterion, results) in await Self.evaluateAll(checklist) {
                #expect(results.count == (criterion.isPerModel ? 6 : 1), "\(criterion)")
                for result in results {
                    #expect(result.passed, "\(result.attachmentName): \(result.message)")
                    #expect(result.id == criterion.id && result.severity == criterion.severity)
                }
            }
            let service = await checklist.evaluate(.ollamaService, model: nil)
            #expect(service.facts == [CriterionResult.Fact.ollamaVersion: scenario.version])
        }
    }

    @Test func `on the phase1 scenario exactly the three missing models fail availability and functionality`() async throws {
        try await withSimulator(try Self.scenario("phase1")) { url in
            let checklist = try Self.checklist(host: url)
            for criterion in [Criterion.modelsAvailable, .modelsRespond] {
                let results = await checklist.evaluate(criterion)
                #expect(results.filter { !$0.passed }.compactMap(\.model) == Self.missing, "\(criterion)")
                #expect(results.filter(\.passed).compactMap(\.model) == Self.present, "\(criterion)")
                for result in results where !result.passed {
                    let model = try #require(result.model)
                    let build = "ollama create \(model) -f fixtures/mirador/modelfiles/\(model).Modelfile"
                    #expect(result.actions == [build])
                    #expect(result.message.hasSuffix("is missing (build it: \(build))"))
                }
            }
            let availability = await checklist.evaluate(.modelsAvailable, model: "financial_planning_expert_v6")
            #expect(availability.message == "financial_planning_expert_v6 is missing (build it: ollama create financial_planning_expert_v6 -f fixtures/mirador/modelfiles/financial_planning_expert_v6.Modelfile)")

            let successRate = await checklist.evaluate(.successRate)
            #expect(successRate.map(\.passed) == [false])
            #expect(successRate.first?.measured == 0.5)
            // Without answers there is nothing to time, score or compare: these fail for the same three models.
            for criterion in [Criterion.responseTime, .quality, .configs] {
                let failed = await checklist.evaluate(criterion).filter { !$0.passed }.compactMap(\.model)
                #expect(failed == Self.missing, "\(criterion)")
            }
            for criterion in [Criterion.ollamaService, .backupScripts, .diskSpace, .migrationScripts, .docs] {
                #expect(await checklist.evaluate(criterion).allSatisfy(\.passed), "\(criterion)")
            }
        }
    }

    @Test func `with Ollama down every Ollama criterion fails with one clear message and the others still decide`() async throws {
        // The discard port: nothing listens there, and unlike a stopped simulator's port no other test's server
        // can be given it while this one waits out its retries.
        let url = try #require(URL(string: "http://127.0.0.1:9"))
        let checklist = try Self.checklist(host: url)
        let message = "Ollama is not reachable at \(url.absoluteString): start it with 'ollama serve', or fix the address (--ollama, OLLAMA_HOST, or ollama.host / ollama.hosts in readiness.json)"
        for (criterion, results) in await Self.evaluateAll(checklist) {
            #expect(results.count == (criterion.isPerModel ? 6 : 1))
            for result in results {
                if criterion.needsOllama {
                    #expect(!result.passed)
                    #expect(result.message == message, "\(result.attachmentName)")
                    #expect(result.actions == ["ollama serve"])
                } else {
                    #expect(result.passed, "\(result.attachmentName): \(result.message)")
                }
            }
        }
    }

    @Test func `a deployed model that drifted from its Modelfile names the differing keys`() async throws {
        var scenario = try Self.scenario("healthy")
        let index = try #require(scenario.models.firstIndex { $0.name == "louisville_expert_v3" })
        scenario.models[index].modelfile.parameters["temperature"] = .double(0.9)
        scenario.models[index].modelfile.parameters["num_ctx"] = nil
        try await withSimulator(scenario) { url in
            let checklist = try Self.checklist(host: url)
            let drifted = await checklist.evaluate(.configs, model: "louisville_expert_v3")
            #expect(!drifted.passed)
            #expect(drifted.measured == 2)
            #expect(drifted.message == "louisville_expert_v3 differs from fixtures/mirador/modelfiles/louisville_expert_v3.Modelfile in num_ctx, temperature: num_ctx: expected '4096', deployed not set; temperature: expected '0.3', deployed '0.9'")
            #expect(await checklist.evaluate(.configs, model: "matthew_context_provider_v2").passed)
        }
    }

    @Test func `the performance run measures every query and keeps within the request budget`() async throws {
        let simulator = try OllamaSimulator.start(scenario: try Self.scenario("healthy"))
        defer { simulator.stop() }
        let checklist = try Self.checklist(host: simulator.baseURL)
        let report = try await checklist.evidence.performance()
        #expect(report.queries.count == 12)
        #expect(report.queries.allSatisfy { $0.succeeded && $0.latency != nil && $0.timeToFirstToken != nil && $0.tokensPerSecond != nil })
        // Asking again returns the memoized run instead of sending the queries again.
        let requests = simulator.statistics.generationsStarted
        #expect(try await checklist.evidence.performance() == report)
        #expect(simulator.statistics.generationsStarted == requests)
        #expect(simulator.statistics.peakConcurrentGenerations <= checklist.config.thresholds.maxConcurrentRequests)

        let responseTime = await checklist.evaluate(.responseTime, model: "louisville_expert_v3")
        typealias Metric = CriterionResult.Metric
        for key in [Metric.latencyAverage, Metric.latencyP50, Metric.latencyP95, Metric.timeToFirstToken, Metric.tokensPerSecond, Metric.loadTime] {
            #expect((responseTime.metrics[key] ?? 0) > 0, "\(key)")
        }
        #expect(responseTime.metrics[Metric.queries] == 2)
    }

    @Test("A judge's 'Score: N/10' is blended into every answer's quality; a judge that cannot grade fails quality, never a 0", arguments: [
        ("llama3.2:3b", "Score: 3/10", 0.3), ("llama3.2:3b", "3/4 of the points are covered.\nScore: 8/10", 0.8),
        ("llama3.2:3b", "I'd give it a 9.", nil), ("absent_judge", "Score: 3/10", nil),
    ] as [(String, String, Double?)])
    func judge(model judge: String, reply: String, grade: Double?) async throws {
        var scenario = try Self.scenario("healthy")
        let index = try #require(scenario.models.firstIndex { $0.name == "llama3.2:3b" })
        scenario.models[index].behaviour.replies.insert(.init(whenPromptContains: "You are grading", reply: reply), at: 0)
        try await withSimulator(scenario) { url in
            let checklist = try Self.checklist(host: url) { $0.judge = .init(model: judge, weight: 0.5) }
            let report = try await checklist.evidence.performance()
            #expect(report.queries.count == 12)
            for query in report.queries {
                let prompt = try #require(checklist.config.model(named: query.model)?.prompts.first { $0.prompt == query.prompt })
                let heuristic = QualityScorer().score(answer: query.answer, prompt: prompt.prompt, expect: prompt.expect)
                if let grade {
                    #expect(query.quality.component("judge")?.score == grade)
                    #expect(abs(query.quality.total - (heuristic.total * 0.5 + grade * 0.5)) < 1e-9)
                    #expect(query.quality.problem == nil)
                } else {
                    #expect(query.quality.component("judge") == nil)
                    #expect(query.quality.problem?.contains("the judge model '\(judge)'") == true)
                }
            }
            let quality = await checklist.evaluate(.quality, model: try #require(report.queries.first).model)
            if grade == nil {
                #expect(!quality.passed)
                #expect(quality.message.contains("quality could not be established for 2 of 2 answers: the judge model '\(judge)'"))
            }
        }
    }

    @Test func `a per-model criterion refuses a model readiness.json does not list`() async throws {
        let checklist = try Self.checklist(host: URL(string: "http://127.0.0.1:9")!)
        let result = await checklist.evaluate(.modelsAvailable, model: "nobody")
        #expect(!result.passed && result.model == "nobody")
        #expect(result.message == "'nobody' is not a model in readiness.json: add it to models[] or fix the name")
    }

    @Test func `readiness.json can make a catalog criterion recommended, and then the default gate leaves it out`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write("""
                {"models": [{"name": "m", "prompts": [{"prompt": "p", "expect": ["k"]}]}],
                 "severities": {"backup-scripts": "recommended", "disk-space": "critical"}}
                """, to: "readiness.json", in: folder)
            let config = try ReadinessConfig.load(from: url, environment: ["OLLAMA_HOST": "127.0.0.1:9"])
            #expect(config.severity(of: .backupScripts) == .recommended && config.severity(of: .diskSpace) == .critical)
            let gate = try #require(config.gate(named: "phase2"))
            #expect(!gate.criteria.contains("backup-scripts") && gate.criteria.contains("disk-space"))
            // The result carries the config's severity, so `swift test` warns instead of failing.
            let result = await Checklist(config: config, evidence: OllamaEvidence(config: config)).evaluate(.backupScripts, model: nil)
            #expect(!result.passed && result.severity == .recommended)
        }
    }
}
