import Foundation
import OllamaKit
import Testing
import OllamaSimulator

/// The simulated scheduler: load on first use, keep_alive, least-recently-used eviction, /api/ps.
/// Every check is on counts and on what the simulator reports, never on wall-clock time.
@Suite(.timeLimit(.minutes(1))) struct SchedulerTests {
    static func fleet(_ names: [String], maxLoaded: Int?, numParallel: Int = 1, loadDuration: Double = 0.01) -> Scenario {
        Scenario(numParallel: numParallel, maxLoadedModels: maxLoaded, models: names.map {
            Scenario.Model(name: $0, modelfile: .init(parameters: ["num_ctx": 8192]), behaviour: Scenario.Behaviour(defaultReply: "fine answer", loadDuration: loadDuration))
        })
    }

    static func generate(_ client: RawHTTPClient, _ model: String, prompt: String? = "q", keepAlive: String? = nil) throws -> GenerateResponse {
        var fields = [#""model":"\#(model)""#, #""stream":false"#]
        if let prompt { fields.append(#""prompt":"\#(prompt)""#) }
        if let keepAlive { fields.append(#""keep_alive":\#(keepAlive)"#) }
        let response = try client.send("POST", "/api/generate", body: "{" + fields.joined(separator: ",") + "}")
        return try JSONDecoder().decode(GenerateResponse.self, from: Data(response.body.utf8))
    }

    static func ps(_ client: RawHTTPClient) throws -> [ProcessModelResponse] {
        try JSONDecoder().decode(ProcessResponse.self, from: Data(client.send("GET", "/api/ps").body.utf8)).models
    }

    @Test func `a model loads on first use, and only that request reports a load_duration`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.fleet(["a"], maxLoaded: nil))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        #expect(try Self.ps(client).isEmpty)
        let first = try Self.generate(client, "a")
        let second = try Self.generate(client, "a")
        #expect((first.metrics.loadDuration ?? 0) > 0)
        #expect(second.metrics.loadDuration == nil)
        #expect(simulator.statistics.loads == ["a:latest"])
        let listed = try Self.ps(client)
        #expect(listed.map(\.name) == ["a:latest"])
        #expect(listed[0].contextLength == 8192 && listed[0].sizeVRAM == listed[0].size && listed[0].expiresAt > Date())
    }

    @Test func `a prompt-less request loads the model and answers done_reason load, as Ollama does`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.fleet(["a"], maxLoaded: nil))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        let load = try Self.generate(client, "a", prompt: nil)
        #expect(load.done && load.doneReason == "load" && load.response.isEmpty && load.metrics == Metrics())
        #expect(try Self.ps(client).map(\.name) == ["a:latest"])
        // Already loaded: the next query loads nothing.
        #expect(try Self.generate(client, "a").metrics.loadDuration == nil)
        #expect(simulator.statistics.loads == ["a:latest"])
    }

    @Test func `at most maxLoadedModels stay loaded; the least recently used idle model is evicted`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.fleet(["a", "b", "c"], maxLoaded: 2))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        _ = try Self.generate(client, "a")
        _ = try Self.generate(client, "b")
        _ = try Self.generate(client, "a")  // b is now the least recently used
        _ = try Self.generate(client, "c")
        #expect(simulator.statistics.evictions == ["b:latest"])
        #expect(Set(try Self.ps(client).map(\.name)) == ["a:latest", "c:latest"])
        _ = try Self.generate(client, "b")
        #expect(simulator.statistics.evictions == ["b:latest", "a:latest"])
        #expect(simulator.statistics.loads == ["a:latest", "b:latest", "c:latest", "b:latest"])
        #expect(simulator.statistics.peakLoadedModels == 2)
    }

    @Test func `keep_alive 0 unloads after the answer, and a prompt-less keep_alive 0 unloads at once`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.fleet(["a", "b"], maxLoaded: nil))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        _ = try Self.generate(client, "a", keepAlive: "0")
        #expect(try Self.ps(client).isEmpty)
        _ = try Self.generate(client, "b")
        _ = try Self.generate(client, "a", keepAlive: "-1")
        let listed = try Self.ps(client)
        #expect(listed.map(\.name) == ["a:latest", "b:latest"])  // kept forever sorts first
        _ = try Self.generate(client, "b", prompt: nil, keepAlive: "0")
        #expect(try Self.ps(client).map(\.name) == ["a:latest"])
        #expect(simulator.statistics.loads == ["a:latest", "b:latest", "a:latest"])
    }

    @Test func `with one model slot, requests for another model wait and each model loads once`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.fleet(["a", "b"], maxLoaded: 1, numParallel: 2, loadDuration: 0.05))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        let answers = try onThreads(8) { index in try Self.generate(client, index < 4 ? "a" : "b") }.map { try $0.get() }
        #expect(answers.allSatisfy { $0.response == "fine answer" })
        let statistics = simulator.statistics
        #expect(statistics.peakLoadedModels == 1 && statistics.peakConcurrentPerModel <= 2)
        #expect(answers.count(where: { ($0.metrics.loadDuration ?? 0) > 0 }) == statistics.loads.count)
        #expect(statistics.loads.count == statistics.evictions.count + 1)
    }
}
