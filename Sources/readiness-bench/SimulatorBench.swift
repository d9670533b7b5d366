import Foundation
import OllamaKit
import OllamaSimulator

/// ollama-sim's own capacity, so the tests and benchmarks measure the tool and not the stand-in: non-streaming
/// generates per second at zero latency, and many streams at once without an error.
enum SimulatorBench {
    static func run() async throws {
        let scenario = PerfBench.scenario(["bench_model"], latency: 0, numParallel: 64, tokensPerSecond: 1_000_000)
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        let client = OllamaClient(.init(baseURL: simulator.baseURL))
        let request = GenerateRequest(model: "bench_model", prompt: "hello", stream: false)
        _ = try await client.generate(request)  // loads the model first

        let count = 4_000, concurrency = 16
        let elapsed = try await ContinuousClock().measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<concurrency {
                    group.addTask {
                        for _ in stride(from: worker, to: count, by: concurrency) { _ = try await client.generate(request) }
                    }
                }
                try await group.waitForAll()
            }
        }.timeInterval
        PerfBench.line("ollama-sim non-streaming generates per second:", Double(count) / elapsed, target: ">= 2000", met: Double(count) / elapsed >= 2_000)

        let streams = 256
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<streams {
                group.addTask {
                    do {
                        var chunks = 0
                        for try await _ in client.generateStream(GenerateRequest(model: "bench_model", prompt: "hello")) { chunks += 1 }
                        return chunks == 0
                    } catch {
                        return true
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        PerfBench.line("ollama-sim streams at once (256) that failed:", Double(failures), target: "0", met: failures == 0)
    }
}
