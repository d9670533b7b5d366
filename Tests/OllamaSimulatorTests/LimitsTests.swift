import Foundation
import OllamaKit
import Testing
@testable import OllamaSimulator

/// Every limit that keeps a hostile or broken client from crashing or starving the simulator.
@Suite struct LimitsTests {
    /// Sends `request` verbatim, half-closes, and returns everything the server sent before closing.
    static func exchange(_ url: URL, _ request: [UInt8]) throws -> RawHTTPClient.Response {
        let client = RawHTTPClient(url)
        let socket = try Socket.connected(port: client.port)
        defer { socket.close() }
        try? socket.write(request)
        socket.closeWrite()
        return RawHTTPClient.Response(raw: client.readAll(socket))
    }

    static func post(_ path: String, _ body: String) -> [UInt8] {
        Array("POST \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    @Test func `Nesting deeper than 100 levels is Go's "exceeded max depth" 400; 100 levels are served`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            // Once a SIGSEGV: the scanner recursed once per level.
            let deep = try client.send("POST", "/api/generate", body: #"{"model":"solo","x":"# + String(repeating: "[", count: 200_000))
            #expect(deep.status == 400)
            #expect(deep.body == #"{"error":"invalid character '[' exceeded max depth"}"#)
            let limit = String(repeating: "[", count: 99) + String(repeating: "]", count: 99)
            let served = try client.send("POST", "/api/generate", body: #"{"model":"solo","prompt":"hi","stream":false,"x":\#(limit)}"#)
            #expect(served.status == 200)
            let over = try client.send("POST", "/api/show", body: #"{"model":"solo","x":[\#(limit)]}"#)
            #expect(over.body == #"{"error":"invalid character '[' exceeded max depth"}"#)
        }
    }

    @Test func `A keep_alive past Go's longest duration keeps the model loaded for good, as Go's overflow does`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let client = RawHTTPClient(url)
            // Once a SIGILL: OllamaKit's KeepAlive converts the number to Int.
            for keepAlive in ["1e300", "-1e300", "9223372037", "1.7976931348623157e308"] {
                let load = try client.send("POST", "/api/generate", body: #"{"model":"solo","keep_alive":\#(keepAlive)}"#)
                #expect(load.status == 200, "keep_alive \(keepAlive)")
                let ps = try JSONDecoder().decode(ProcessResponse.self, from: Data(client.send("GET", "/api/ps").body.utf8))
                #expect(ps.models.first?.expiresAt == Date(timeIntervalSince1970: 10_000_000_000), "keep_alive \(keepAlive)")
            }
            let text = try client.send("POST", "/api/generate", body: #"{"model":"solo","keep_alive":"9999999999h"}"#)
            #expect(text.status == 400)
            #expect(text.body == #"{"error":"time: invalid duration \"9999999999h\""}"#)
        }
    }

    @Test func `A body over 10 MiB is 413 before it is read`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let announced = "POST /api/generate HTTP/1.1\r\nHost: x\r\nContent-Length: \((10 << 20) + 1)\r\n\r\n{"
            let response = try Self.exchange(url, Array(announced.utf8))
            #expect(response.raw == "HTTP/1.1 413 Request Entity Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n413 Request Entity Too Large")
            let chunked = "POST /api/generate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n{"
            #expect(try Self.exchange(url, Array(chunked.utf8)).statusLine == "HTTP/1.1 413 Request Entity Too Large")
        }
    }

    @Test func `An empty chunk-size line is a 400, not a crash (found by the fuzz test)`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let request = "POST /api/show HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\n"
            let response = try Self.exchange(url, Array(request.utf8))
            #expect(response.statusLine == "HTTP/1.1 400 Bad Request")
        }
    }

    @Test func `A head over 1 MiB or with over 100 fields is 431, as Go answers`() async throws {
        try await withSimulator(Fixtures.single()) { url in
            let big = "GET /api/version HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 1 << 20))\r\n\r\n"
            let response = try Self.exchange(url, Array(big.utf8))
            #expect(response.raw == "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 Request Header Fields Too Large")
            let many = "GET /api/version HTTP/1.1\r\n" + (0..<101).map { "X-\($0): y\r\n" }.joined() + "\r\n"
            #expect(try Self.exchange(url, Array(many.utf8)).status == 431)
            let enough = "GET /api/version HTTP/1.1\r\n" + (0..<100).map { "X-\($0): y\r\n" }.joined() + "\r\n"
            #expect(try Self.exchange(url, Array(enough.utf8)).status == 200)
        }
    }

    @Test func `An idle or slow connection is closed without an answer once its timeout passes`() async throws {
        try await withSimulator(Fixtures.single(), limits: SimulatorLimits(requestTimeout: 0.2, idleTimeout: 0.3)) { url in
            let client = RawHTTPClient(url)
            for partial in ["", "GET /api/version HTTP/1.1\r\nHost:"] {
                let start = Date()
                let socket = try client.open(sending: partial)
                defer { socket.close() }
                #expect(client.readAll(socket).isEmpty)
                #expect(Date().timeIntervalSince(start) < 5)
            }
            // Between requests on a kept-alive connection the idle clock runs.
            let socket = try client.open(sending: "GET /api/version HTTP/1.1\r\nHost: x\r\n\r\n")
            defer { socket.close() }
            #expect(client.readAll(socket).hasSuffix(#"{"version":"0.12.6"}"#))
        }
    }
}
