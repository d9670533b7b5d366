import Foundation
import OllamaKit
import Testing
import OllamaSimulator

/// Generate and chat: NDJSON framing, whole answers, loading, queueing and many streams at once.
@Suite struct GenerationTests {
    static let reply = "one two three four five six"

    @Test func `A generate stream is chunked NDJSON ending with a done object and metrics`() async throws {
        try await withSimulator(Fixtures.single(reply: Self.reply)) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/generate", body: #"{"model":"solo","prompt":"count"}"#)
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/x-ndjson")
            #expect(response.header("Transfer-Encoding") == "chunked")
            let body = try #require(response.dechunked)
            #expect(body.hasSuffix("\n"))
            let chunks = try response.lines(of: body).map { try JSONDecoder().decode(GenerateResponse.self, from: Data($0.utf8)) }
            #expect(chunks.count == 7)
            #expect(chunks.dropLast().map(\.response) == ["one", " two", " three", " four", " five", " six"])
            #expect(chunks.dropLast().allSatisfy { !$0.done && $0.doneReason == nil && $0.metrics == Metrics() && $0.model == "solo" })
            let last = try #require(chunks.last)
            #expect(last.done && last.doneReason == "stop" && last.response.isEmpty)
            #expect(last.metrics.evalCount == 6 && last.metrics.promptEvalCount == 1)
            #expect((last.metrics.totalDuration ?? 0) > 0 && (last.metrics.evalDuration ?? 0) > 0)
            #expect(last.context?.count == 7)
        }
    }

    @Test func `A non-streamed chat answers with one assistant message`() async throws {
        try await withSimulator(Fixtures.single(reply: Self.reply)) { url in
            let body = #"{"model":"solo:latest","stream":false,"messages":[{"role":"user","content":"hi"}]}"#
            let response = try RawHTTPClient(url).send("POST", "/api/chat", body: body)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
            #expect(response.header("Content-Length") == "\(response.body.utf8.count)")
            let chat = try JSONDecoder().decode(ChatResponse.self, from: Data(response.body.utf8))
            #expect(chat.model == "solo:latest")
            #expect(chat.message == .assistant(Self.reply))
            #expect(chat.done && chat.doneReason == "stop" && chat.metrics.evalCount == 6)
        }
    }

    @Test func `Replies follow the first matching rule, case-insensitively, else the default`() async throws {
        let behaviour = Scenario.Behaviour(
            replies: [.init(whenPromptContains: "weather", reply: "sunny"), .init(whenPromptContains: "WEATHER today", reply: "never")],
            defaultReply: "no idea")
        try await withSimulator(Fixtures.single(behaviour: behaviour)) { url in
            let client = RawHTTPClient(url)
            for (prompt, expected) in [("The Weather today?", "sunny"), ("news?", "no idea")] {
                let response = try client.send("POST", "/api/generate", body: #"{"model":"solo","stream":false,"prompt":"\#(prompt)"}"#)
                #expect(try JSONDecoder().decode(GenerateResponse.self, from: Data(response.body.utf8)).response == expected)
            }
        }
    }

    @Test func `An empty prompt loads the model, ps lists it, and keep_alive 0 unloads it`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            #expect(try client.send("GET", "/api/ps").body == #"{"models":[]}"#)
            let load = try JSONDecoder().decode(GenerateResponse.self, from: Data(
                client.send("POST", "/api/generate", body: #"{"model":"solo"}"#).body.utf8))
            #expect(load.done && load.doneReason == "load" && load.response.isEmpty && load.metrics == Metrics())
            let ps = try JSONDecoder().decode(ProcessResponse.self, from: Data(client.send("GET", "/api/ps").body.utf8))
            #expect(ps.models.map(\.name) == ["solo:latest"])
            #expect(ps.models[0].expiresAt > Date())
            let chatLoad = try JSONDecoder().decode(ChatResponse.self, from: Data(
                client.send("POST", "/api/chat", body: #"{"model":"solo","messages":[],"keep_alive":0}"#).body.utf8))
            #expect(chatLoad.doneReason == "unload" && chatLoad.message == .assistant(""))
            #expect(try client.send("GET", "/api/ps").body == #"{"models":[]}"#)
        }
    }

    @Test func `No more than numParallel generations run at once; the rest queue and all finish`() async throws {
        let scenario = Fixtures.single(behaviour: Scenario.Behaviour(defaultReply: "queued answer", latency: .fixed(0.15)), numParallel: 2)
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        let statuses = try onThreads(6) { _ in
            try client.send("POST", "/api/generate", body: #"{"model":"solo","prompt":"q","stream":false}"#).status
        }.map { try $0.get() }
        #expect(statuses == Array(repeating: 200, count: 6))
        let statistics = simulator.statistics
        #expect(statistics.generationsStarted == 6 && statistics.generationsFinished == 6)
        #expect(statistics.peakConcurrentGenerations == 2)
        #expect(statistics.peakQueuedGenerations >= 1)
    }

    @Test func `Sixty-four concurrent streams all complete`() async throws {
        let reply = (1...20).map { "word\($0)" }.joined(separator: " ")
        let scenario = Fixtures.single(behaviour: Scenario.Behaviour(defaultReply: reply, latency: .fixed(0.05), tokensPerSecond: 200), numParallel: 64)
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        let texts = try onThreads(64) { _ -> String? in
            let response = try client.send("POST", "/api/chat", body: #"{"model":"solo","messages":[{"role":"user","content":"go"}]}"#)
            let lines = try response.dechunked.map { body in
                try response.lines(of: body).map { try JSONDecoder().decode(ChatResponse.self, from: Data($0.utf8)) }
            }
            guard let lines, lines.last?.done == true else { return nil }
            return lines.compactMap(\.message?.content).joined()
        }.map { try $0.get() }
        #expect(texts == Array(repeating: reply, count: 64))
        #expect(simulator.statistics.generationsFinished == 64)
    }

    @Test func `The Mirador prompts get answers that hold their expected keywords`() async throws {
        try await withSimulator(try Fixtures.scenario("healthy")) { url in
            let body = #"{"model":"financial_planning_expert_v6","stream":false,"prompt":"How large should my emergency fund be?"}"#
            let answer = try JSONDecoder().decode(GenerateResponse.self, from: Data(RawHTTPClient(url).send("POST", "/api/generate", body: body).body.utf8))
            for keyword in ["emergency fund", "months", "expenses"] {
                #expect(answer.response.contains(keyword))
            }
        }
    }
}
