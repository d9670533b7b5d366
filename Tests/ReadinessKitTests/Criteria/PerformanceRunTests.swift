import Foundation
import OllamaKit
import OllamaSimulator
import Testing
import TestFixtures
@testable import ReadinessKit

/// The performance engine against scenarios with known failures and load costs. Checks are on counts and on
/// what the simulator reports, never on wall-clock time.
@Suite(.timeLimit(.minutes(1))) struct PerformanceRunTests {
    static func config(host: URL, rounds: Int, concurrency: Int) throws -> ReadinessConfig {
        var config = try ReadinessConfig.load(
            from: DomainFixtures.mirador.appendingPathComponent("readiness.json"),
            environment: ["OLLAMA_HOST": host.absoluteString, "HOME": NSTemporaryDirectory()]
        )
        config.thresholds.rounds = rounds
        config.thresholds.maxConcurrentRequests = concurrency
        config.thresholds.requestTimeoutSeconds = 5
        return config
    }

    /// The Mirador fleet: the first model fails with 500, the second is missing, the third cuts its stream;
    /// one model fits in memory at a time.
    static func scenario(names: [String], maxLoaded: Int?, numParallel: Int) -> Scenario {
        Scenario(numParallel: numParallel, maxLoadedModels: maxLoaded, models: names.enumerated().map { index, name in
            var behaviour = Scenario.Behaviour(defaultReply: "An answer with several words in it", latency: .fixed(0.01), loadDuration: 0.02)
            switch index {
            case 0: behaviour.faults = [.init(kind: .error, rate: 1, status: 500)]
            case 2: behaviour.faults = [.init(kind: .truncateStream, rate: 1, afterTokens: 2)]
            default: break
            }
            return Scenario.Model(name: name, installed: index != 1, behaviour: behaviour)
        })
    }

    static func run(maxLoaded: Int?, numParallel: Int, concurrency: Int, interleaved: Bool = false) async throws -> (PerformanceReport, SimulatorStatistics) {
        let names = try config(host: URL(string: "http://127.0.0.1:1")!, rounds: 1, concurrency: 1).criticalModels.map(\.name)
        let simulator = try OllamaSimulator.start(scenario: scenario(names: names, maxLoaded: maxLoaded, numParallel: numParallel))
        defer { simulator.stop() }
        let config = try config(host: simulator.baseURL, rounds: 2, concurrency: concurrency)
        let evidence = OllamaEvidence(config: config)
        var run = PerformanceRun(config: config, client: evidence.client, budget: evidence.budget)
        run.interleaved = interleaved
        return (await run.run(), simulator.statistics)
    }

    @Test func `success rate and error groups are exact, and each model loads once`() async throws {
        let (report, statistics) = try await Self.run(maxLoaded: 1, numParallel: 2, concurrency: 2)
        #expect(report.queries.count == 24)
        #expect(report.fleet.successRate == 0.5)
        let groups = report.failureGroups()
        #expect(groups.map(\.kind) == [.httpStatus(500), .modelMissing, .truncatedStream])
        #expect(groups.map(\.count) == [4, 4, 4])
        // Five installed models, five loads, each by its warm-up; the missing one's warm-up failed.
        #expect(report.minimumLoads == 5 && report.observedLoads == 5)
        #expect(statistics.loads.count == 5 && statistics.peakLoadedModels == 1)
        #expect(report.loads.map(\.doneReason) == ["load", nil, "load", "load", "load", "load"])
        // No query paid for a load: warm-ups did.
        #expect(report.queries.allSatisfy { $0.loadSeconds == nil })
        #expect(statistics.peakConcurrentGenerations <= 2 && statistics.peakConcurrentPerModel <= 2)
    }

    @Test func `the concurrency limit holds whatever the server allows`() async throws {
        let (report, statistics) = try await Self.run(maxLoaded: nil, numParallel: 8, concurrency: 3)
        #expect(report.queries.count == 24)
        #expect(statistics.peakConcurrentGenerations <= 3)
        #expect(report.observedLoads == 5 && statistics.loads.count == 5)
    }

    @Test func `an interleaved order reloads models that do not fit together`() async throws {
        let (report, statistics) = try await Self.run(maxLoaded: 1, numParallel: 2, concurrency: 2, interleaved: true)
        #expect(report.loads.isEmpty)
        // Failed answers carry no load_duration, so the client observes only some of the loads the server made.
        #expect(report.observedLoads > 5 && statistics.loads.count >= report.observedLoads)
    }

    @Test func `a timeout is a failure at its timeout`() async throws {
        let simulator = try OllamaSimulator.start(scenario: Scenario(models: [
            Scenario.Model(name: "matthew_context_provider_v2", behaviour: .init(faults: [.init(kind: .hang, rate: 1)])),
        ]))
        defer { simulator.stop() }
        var config = try Self.config(host: simulator.baseURL, rounds: 1, concurrency: 2)
        config.models = Array(config.models.prefix(1))
        config.thresholds.requestTimeoutSeconds = 0.3
        let evidence = OllamaEvidence(config: config)
        let report = await PerformanceRun(config: config, client: evidence.client, budget: evidence.budget).run()
        #expect(report.queries.count == 2)
        #expect(report.queries.allSatisfy { $0.failureKind == .timeout && $0.failedAfter == 0.3 && $0.latency == nil })
        #expect(report.fleet.successRate == 0)
    }
}
