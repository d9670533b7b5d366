import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit

/// The performance engine's ratios, each against a baseline measured in the same run on ollama-sim.
enum PerfBench {
    static func scenario(_ names: [String], latency: Double, numParallel: Int, loadDuration: Double = 0, maxLoaded: Int? = nil, tokensPerSecond: Double? = nil) -> Scenario {
        Scenario(numParallel: numParallel, maxLoadedModels: maxLoaded, models: names.map {
            Scenario.Model(name: $0, behaviour: .init(defaultReply: "A measured answer of a few words.", latency: .fixed(latency), tokensPerSecond: tokensPerSecond, loadDuration: loadDuration))
        })
    }

    static func engine(_ config: ReadinessConfig, _ scenario: Scenario, rounds: Int, concurrency: Int, interleaved: Bool = false) async throws -> PerformanceReport {
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        var config = config
        config.ollama.host = simulator.baseURL
        config.thresholds.rounds = rounds
        config.thresholds.maxConcurrentRequests = concurrency
        let evidence = OllamaEvidence(config: config)
        var run = PerformanceRun(config: config, client: evidence.client, budget: evidence.budget)
        run.interleaved = interleaved
        return await run.run()
    }

    /// A strictly sequential client: one query after another, no warm-up, on a monotonic clock.
    static func sequential(_ config: ReadinessConfig, _ scenario: Scenario, rounds: Int) async throws -> Double {
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        let client = OllamaClient(.init(baseURL: simulator.baseURL))
        let clock = ContinuousClock()
        let start = clock.now
        for model in config.criticalModels {
            for _ in 1...rounds {
                for prompt in model.prompts {
                    _ = try? await client.timedGenerate(GenerateRequest(model: model.name, prompt: prompt.prompt))
                }
            }
        }
        return start.duration(to: clock.now).timeInterval
    }

    static func line(_ name: String, _ value: Double, target: String, met: Bool) {
        print(String(format: "%@ %.3f (target %@) %@", name, value, target, met ? "ok" : "MISSED"))
    }

    static func run(_ config: ReadinessConfig) async throws {
        let names = config.criticalModels.map(\.name)
        let queries = Double(config.criticalModels.reduce(0) { $0 + $1.prompts.count } * 3)
        let latency = 0.2
        let ideal = queries / 4 * latency
        let fast = scenario(names, latency: latency, numParallel: 4)
        let perf4 = try await engine(config, fast, rounds: 3, concurrency: 4)
        let sequentialTime = try await sequential(config, fast, rounds: 3)
        let perf1 = try await engine(config, fast, rounds: 3, concurrency: 1)
        print(String(format: "perf: %.0f queries, 200 ms each; 4 slots %.3f s, ideal %.3f s; sequential %.3f s; concurrency 1 %.3f s",
                     queries, perf4.wallSeconds, ideal, sequentialTime, perf1.wallSeconds))
        line("perf 4 slots / ideal:", perf4.wallSeconds / ideal, target: "<= 1.10", met: perf4.wallSeconds / ideal <= 1.10)
        line("speed-up vs sequential at 4 slots:", sequentialTime / perf4.wallSeconds, target: ">= 3.5", met: sequentialTime / perf4.wallSeconds >= 3.5)
        line("perf concurrency 1 / sequential:", perf1.wallSeconds / sequentialTime, target: "<= 1.05", met: perf1.wallSeconds / sequentialTime <= 1.05)

        let gpu = scenario(names, latency: latency, numParallel: 4, loadDuration: 2, maxLoaded: 1)
        let grouped = try await engine(config, gpu, rounds: 3, concurrency: 4)
        let minimum = Double(names.count) * 2 + ideal
        print(String(format: "GPU-like (maxLoadedModels 1, loads 2 s): model by model %.3f s, %d loads; minimum %.3f s", grouped.wallSeconds, grouped.observedLoads, minimum))
        line("GPU-like model by model / minimum:", grouped.wallSeconds / minimum, target: "<= 1.10", met: grouped.wallSeconds / minimum <= 1.10)
        let interleaved = try await engine(config, gpu, rounds: 1, concurrency: 4, interleaved: true)
        let interleavedMinimum = Double(names.count) * 2 + queries / 3 / 4 * latency
        print(String(format: "  contrast, interleaved order (1 round): %.3f s, %d loads observed; its minimum %.3f s, ratio %.2f",
                     interleaved.wallSeconds, interleaved.observedLoads, interleavedMinimum, interleaved.wallSeconds / interleavedMinimum))

        let streaming = scenario(names, latency: latency, numParallel: 4, tokensPerSecond: 50)
        let ttft = try await engine(config, streaming, rounds: 1, concurrency: 4)
        let measured = ttft.fleet.timeToFirstTokenAverage ?? .infinity
        line("TTFT - first-token delay (ms):", (measured - latency) * 1000, target: "within 20", met: abs(measured - latency) <= 0.020)
    }
}
