import Foundation
import Testing
@testable import OllamaSimulator

/// Random and mutated requests, from a fixed seed, sent to an in-process simulator: none may crash it,
/// and it still answers a normal request afterwards.
@Suite struct FuzzTests {
    /// Well-formed requests for every route; the mutations start from these.
    static let seeds: [String] = [
        LimitsTests.post("/api/generate", #"{"model":"solo","prompt":"hi","stream":false,"keep_alive":"5m","options":{"num_predict":8}}"#),
        LimitsTests.post("/api/chat", #"{"model":"solo","messages":[{"role":"user","content":"hi"}],"keep_alive":30}"#),
        LimitsTests.post("/api/show", #"{"model":"solo"}"#),
        LimitsTests.post("/api/create", #"{"model":"x","from":"solo","parameters":{"num_ctx":4096},"stream":false}"#),
        LimitsTests.post("/api/copy", #"{"source":"solo","destination":"y"}"#),
        LimitsTests.post("/api/pull", #"{"model":"fresh","stream":true}"#),
        Array("DELETE /api/delete HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\n\r\n{\"model\":\"y\"}".utf8),
        Array("POST /api/show HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"mod\r\n9\r\nel\":\"solo\r\n2\r\n\"}\r\n0\r\n\r\n".utf8),
        Array("GET /api/ps HTTP/1.1\r\nHost: x\r\n\r\n".utf8),
    ].map { String(decoding: $0, as: UTF8.self) }

    /// Pieces that once crashed the simulator or sit at the edge of a limit.
    static let hostile = [
        "1e999", "-1e308", "9223372036854775808", "1e300", "-0", "\"9999999999h\"", "null", "[]", "{}", "\"\\ud800\"",
        String(repeating: "[", count: 5_000), String(repeating: "{\"a\":", count: 300), "\u{0}", "\u{FF}",
        "Content-Length: -1\r\n", "Content-Length: 99999999999999999999\r\n", "Transfer-Encoding: chunked\r\n",
        "ffffffffffffffff\r\n", "\r\n\r\n", "Expect: 100-continue\r\n",
    ]

    /// One fuzz case: random bytes, or a seed request with a few random edits.
    static func makeCase(_ random: inout SeededRandom) -> [UInt8] {
        if random.next() % 5 == 0 {
            return (0..<Int(random.next() % 512)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        }
        var bytes = Array(seeds[Int(random.next() % UInt64(seeds.count))].utf8)
        for _ in 0..<(1 + random.next() % 4) {
            let at = Int(random.next() % UInt64(bytes.count + 1))
            switch random.next() % 4 {
            case 0: bytes.insert(contentsOf: hostile[Int(random.next() % UInt64(hostile.count))].utf8, at: at)
            case 1 where at < bytes.count: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 2: bytes = Array(bytes.prefix(at))
            default: bytes.insert(contentsOf: bytes[at...].prefix(Int(random.next() % 64)), at: at)
            }
        }
        return bytes
    }

    @Test func `Two thousand random and mutated requests leave the simulator answering`() throws {
        let scenario = Scenario(
            models: [Scenario.Model(name: "solo")], registry: [Scenario.Model(name: "fresh")])
        // A short request timeout: a mutated request that stops mid-way costs 0.2 s, not 30.
        let simulator = try OllamaSimulator.start(scenario: scenario, limits: SimulatorLimits(requestTimeout: 0.2))
        defer { simulator.stop() }
        var random = SeededRandom(seed: 20_260_101)
        let deadline = Date(timeIntervalSinceNow: 8)
        var sent = 0
        while sent < 2_000, Date() < deadline {
            _ = try LimitsTests.exchange(simulator.baseURL, Self.makeCase(&random))
            sent += 1
        }
        #expect(sent >= 500, "only \(sent) cases in the time budget")
        let client = RawHTTPClient(simulator.baseURL)
        #expect(try client.send("GET", "/api/version").body == #"{"version":"0.12.6"}"#)
        let answer = try client.send("POST", "/api/generate", body: #"{"model":"solo","prompt":"hi","stream":false}"#)
        #expect(answer.status == 200)
    }
}
