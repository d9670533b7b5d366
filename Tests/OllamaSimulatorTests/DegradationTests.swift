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
        let behaviour = Scenario.Behaviour(defaultReply: "one two three four", latency: .fixed(0.05), tokensPerSecond: 40, degradation: Self.slow)
        try await withSimulator(Fixtures.single(behaviour: behaviour)) { url in
            let client = RawHTTPClient(url)
            // A warm-up (no prompt) loads the model and is not one of the counted requests.
            let load = try client.send("POST", "/api/generate", body: #"{"model":"solo","stream":false}"#)
            #expect(load.status == 200)
            var seconds: [Double] = []
            for prompt in ["first", "second", "third", "first"] {
                let response = try client.send("POST", "/api/generate", body: #"{"model":"solo","stream":false,"prompt":"\#(prompt)"}"#)
                let answer = try JSONDecoder().decode(GenerateResponse.self, from: Data(response.body.utf8))
                #expect(answer.response == "one two three four")
                seconds.append(Double(try #require(answer.metrics.totalDuration)) / 1e9)
            }
            // Healthy: 0.05 s, then 3 tokens at 1/40 s = 0.125 s. Degraded: 4 times as long, 0.5 s.
            #expect(seconds[0] >= 0.125 && seconds[0] < 0.5, "\(seconds)")
            #expect(seconds[1] >= 0.125 && seconds[1] < 0.5, "\(seconds)")
            #expect(seconds[2] >= 0.5 && seconds[3] >= 0.5, "\(seconds)")
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
