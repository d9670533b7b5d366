import Foundation
import OllamaKit
import Testing
@testable import OllamaSimulator

/// `behaviour.degradation`: a model that slows down after a number of requests (what `readiness watch` catches).
@Suite struct DegradationTests {
    static let slow = Scenario.Degradation(afterRequests: 2, latencyFactor: 4)

    @Test func `The plan keeps the behaviour's speed for the first requests, then multiplies it`() {
        let behaviour = Scenario.Behaviour(defaultReply: "a b c", latency: .fixed(0.05), tokensPerSecond: 100, degradation: Self.slow)
        let plans = (0..<4).map { GenerationPlan(behaviour: behaviour, seed: 0, model: "m", prompt: "p", system: nil, occurrence: 0, request: $0) }
        #expect(plans.map(\.latency) == [0.05, 0.05, 0.2, 0.2])
        #expect(plans.map(\.slowdown) == [1, 1, 4, 4])
        // Without a degradation, the request count changes nothing.
        let steady = GenerationPlan(behaviour: Scenario.Behaviour(latency: .fixed(0.05)), seed: 0, model: "m", prompt: "p", system: nil, occurrence: 0, request: 99)
        #expect(steady.latency == 0.05 && steady.slowdown == 1)
    }

    @Test func `The simulator answers the first N requests of any prompt at speed, then slower; warm-ups do not count`() async throws {
        let eightfold = Scenario.Degradation(afterRequests: 2, latencyFactor: 8)
        let behaviour = Scenario.Behaviour(defaultReply: "one two three four", latency: .fixed(0.05), tokensPerSecond: 40, degradation: eightfold)
        try await withSimulator(Fixtures.single(behaviour: behaviour)) { url in
            let client = RawHTTPClient(url)
            // A warm-up (no prompt) loads the model and is not one of the counted requests.
            let load = try client.send("POST", "/api/generate", body: #"{"model":"solo","stream":false}"#)
            #expect(load.status == 200)
            var answers: [GenerateResponse] = []
            for prompt in ["first", "second", "third", "first"] {
                let response = try client.send("POST", "/api/generate", body: #"{"model":"solo","stream":false,"prompt":"\#(prompt)"}"#)
                answers.append(try JSONDecoder().decode(GenerateResponse.self, from: Data(response.body.utf8)))
            }
            #expect(answers.map(\.response) == Array(repeating: "one two three four", count: 4))
            // Ollama's own durations, as the simulator reports them: a healthy answer waits 0.05 s for its first
            // token and sends 3 more at 1/40 s; a degraded one waits 8 times as long for its first token
            // (prompt_eval_duration) and takes 8 times as long in all (at least 8 x 0.125 s).
            let seconds = try answers.map { Double(try #require($0.metrics.totalDuration)) / 1e9 }
            let firstToken = try answers.map { Double(try #require($0.metrics.promptEvalDuration)) / 1e9 }
            #expect(firstToken[2] >= 0.4 && firstToken[3] >= 0.4, "\(firstToken)")
            #expect(seconds[2] >= 1 && seconds[3] >= 1, "\(seconds)")
            #expect(seconds[0] < seconds[2] && seconds[1] < seconds[2], "the first two answers are not slowed: \(seconds)")
        }
    }

    @Test func `The degraded fixture is the healthy fleet with step 5's model twice as slow after two requests`() throws {
        let healthy = try Fixtures.scenario("healthy")
        var degraded = try Fixtures.scenario("degraded")
        let index = try #require(degraded.models.firstIndex { $0.name == "decision_simplifier_v2" })
        #expect(degraded.models[index].behaviour.degradation == Scenario.Degradation(afterRequests: 2, latencyFactor: 2))
        degraded.models[index].behaviour.degradation = nil
        #expect(degraded == healthy)
    }

    @Test func `A degradation encodes back the same`() throws {
        let scenario = Fixtures.single(behaviour: Scenario.Behaviour(degradation: Self.slow))
        #expect(try Scenario.decode(JSONEncoder().encode(scenario), source: "encoded") == scenario)
    }
}
