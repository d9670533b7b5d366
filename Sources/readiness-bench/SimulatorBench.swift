import Foundation
import OllamaKit
import OllamaSimulator
import Synchronization

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

        let lean = try leanGenerates(port: simulator.port, count: 20_000, connections: 16)
        PerfBench.line("ollama-sim non-streaming generates per second (16 keep-alive connections):", lean, target: ">= 2000", met: lean >= 2_000)

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
        print(String(format: "  the same through OllamaClient (URLSession), 16 tasks in this process: %.0f per second", Double(count) / elapsed))

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

    /// Non-streaming generates per second from `connections` threads, each on its own keep-alive connection,
    /// every answer checked to be a 200 whose body is a finished generate object.
    static func leanGenerates(port: Int, count: Int, connections: Int) throws -> Double {
        let request = KeepAliveConnection.post("/api/generate", json: #"{"model":"bench_model","prompt":"hello","stream":false}"#, port: port)
        let failures = Mutex<[String]>([])
        let done = DispatchGroup()
        let start = ContinuousClock.now
        for worker in 0..<connections {
            done.enter()
            Thread {
                defer { done.leave() }
                do {
                    var connection = try KeepAliveConnection(port: port)
                    defer { connection.close() }
                    for _ in stride(from: worker, to: count, by: connections) {
                        let (status, body) = try connection.exchange(request)
                        guard status == 200, Self.isFinished(body) else {
                            throw KeepAliveConnection.Failure(description: "status \(status): \(String(decoding: body, as: UTF8.self))")
                        }
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }.start()
        }
        done.wait()
        let elapsed = (ContinuousClock.now - start).timeInterval
        if let failure = failures.withLock({ $0.first }) { throw KeepAliveConnection.Failure(description: failure) }
        return Double(count) / elapsed
    }

    private static let finished = Array(#""done":true"#.utf8)

    /// Whether `body` holds `"done":true`, as the simulator writes it (compact JSON, sorted keys).
    private static func isFinished(_ body: ArraySlice<UInt8>) -> Bool {
        body.count >= finished.count && (body.startIndex...(body.endIndex - finished.count)).contains {
            body[$0..<($0 + finished.count)].elementsEqual(finished)
        }
    }
}
