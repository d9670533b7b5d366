import Foundation
import OllamaKit
import Testing
@testable import OllamaSimulator

/// Each fault mode as a client sees it, and the seed making faults reproducible.
@Suite struct FaultTests {
    static func faulty(_ fault: Scenario.Fault, seed: UInt64 = 0) -> Scenario {
        Fixtures.single(behaviour: Scenario.Behaviour(defaultReply: "alpha beta gamma delta epsilon zeta", faults: [fault]), seed: seed)
    }

    @Test func `An error fault answers its status with an Ollama error body`() async throws {
        try await withSimulator(Self.faulty(.init(kind: .error, status: 503, message: "server busy"))) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/generate", body: #"{"model":"solo","prompt":"x"}"#)
            #expect(response.status == 503)
            #expect(response.body == #"{"error":"server busy"}"#)
            #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        }
    }

    @Test func `The default error fault is a 500 saying the runner died`() async throws {
        try await withSimulator(Self.faulty(.init(kind: .error))) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/chat", body: #"{"model":"solo","messages":[{"role":"user","content":"x"}]}"#)
            #expect(response.status == 500)
            #expect(response.body == #"{"error":"llama runner process has terminated: exit status 2"}"#)
        }
    }

    @Test func `A truncated stream sends some tokens, then closes without the done object or the last chunk`() async throws {
        try await withSimulator(Self.faulty(.init(kind: .truncateStream, afterTokens: 2))) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/generate", body: #"{"model":"solo","prompt":"x"}"#)
            #expect(response.status == 200)
            #expect(response.dechunked == nil)
            #expect(response.body.contains(#""response":"alpha""#) && response.body.contains(#""response":" beta""#))
            #expect(!response.body.contains("gamma") && !response.body.contains(#""done":true"#))
            #expect(!response.body.hasSuffix("0\r\n\r\n"))
        }
    }

    @Test func `A truncated whole answer sends fewer bytes than its Content-Length`() async throws {
        try await withSimulator(Self.faulty(.init(kind: .truncateStream))) { url in
            let response = try RawHTTPClient(url).send("POST", "/api/generate", body: #"{"model":"solo","prompt":"x","stream":false}"#)
            let promised = try #require(response.header("Content-Length").flatMap { Int($0) })
            #expect(response.body.utf8.count < promised)
            #expect(throws: (any Error).self) { try JSONDecoder().decode(GenerateResponse.self, from: Data(response.body.utf8)) }
        }
    }

    @Test func `A hanging model sends nothing until the server stops, and never blocks stop`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.faulty(.init(kind: .hang)))
        let client = RawHTTPClient(simulator.baseURL)
        let socket = try client.open(sending: "POST /api/generate HTTP/1.1\r\nHost: x\r\nContent-Length: 29\r\n\r\n{\"model\":\"solo\",\"prompt\":\"x\"}")
        defer { socket.close() }
        // Wait until the server holds the request, judged by its own count, not by a timer.
        while simulator.statistics.generationsStarted == 0 { Thread.sleep(forTimeInterval: 0.005) }
        var pending = pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pending, 1, 0) == 0)
        simulator.stop()
        #expect(client.readAll(socket).isEmpty)
        #expect(simulator.statistics.generationsFinished == 1)
    }

    @Test func `A hanging model lets go when the client gives up`() throws {
        let simulator = try OllamaSimulator.start(scenario: Self.faulty(.init(kind: .hang)))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        let socket = try client.open(sending: "POST /api/generate HTTP/1.1\r\nHost: x\r\nContent-Length: 29\r\n\r\n{\"model\":\"solo\",\"prompt\":\"x\"}")
        while simulator.statistics.generationsStarted == 0 { Thread.sleep(forTimeInterval: 0.005) }
        socket.close()
        while simulator.statistics.generationsFinished == 0 { Thread.sleep(forTimeInterval: 0.005) }
        #expect(simulator.statistics.generationsFinished == 1)
    }

    /// The statuses of ten identical requests to a model failing half the time.
    static func statuses(seed: UInt64) throws -> [Int] {
        let simulator = try OllamaSimulator.start(scenario: faulty(.init(kind: .error, rate: 0.5), seed: seed))
        defer { simulator.stop() }
        let client = RawHTTPClient(simulator.baseURL)
        return try (0..<10).map { _ in try client.send("POST", "/api/generate", body: #"{"model":"solo","prompt":"same","stream":false}"#).status }
    }

    @Test func `The same seed fails the same requests; the rate shows in the mix`() throws {
        let first = try Self.statuses(seed: 42)
        #expect(try Self.statuses(seed: 42) == first)
        #expect(Set(first) == [200, 500])
    }

    @Test func `Latency ranges draw the same durations for the same seed`() throws {
        func delays(seed: UInt64) -> [Double] {
            let behaviour = Scenario.Behaviour(latency: .range(min: 0.1, max: 0.9))
            return (0..<5).map { GenerationPlan(behaviour: behaviour, seed: seed, model: "m", prompt: "p", system: nil, occurrence: $0).latency }
        }
        #expect(delays(seed: 1) == delays(seed: 1))
        #expect(delays(seed: 1) != delays(seed: 2))
        #expect(delays(seed: 1).allSatisfy { (0.1...0.9).contains($0) })
    }
}
