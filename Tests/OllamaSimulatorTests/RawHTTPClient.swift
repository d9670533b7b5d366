import Foundation
import OllamaSimulator

/// A deliberately dumb HTTP client on a raw socket, so tests see the exact bytes the simulator sends:
/// status line, headers, chunk framing, and whether a stream was cut.
struct RawHTTPClient {
    let port: Int

    init(_ baseURL: URL) {
        port = baseURL.port!
    }

    /// What came back, split at the blank line after the headers; `body` is still chunk-framed if chunked.
    struct Response {
        var raw: String
        // "\r\n" is one Character in Swift, so the framing is read from the UTF-8 bytes.
        var statusLine: String { raw.components(separatedBy: "\r\n")[0] }
        var status: Int { Int(statusLine.split(separator: " ")[1])! }
        var head: String { raw.components(separatedBy: "\r\n\r\n").first ?? "" }
        var body: String { raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") }

        func header(_ name: String) -> String? {
            head.components(separatedBy: "\r\n").dropFirst()
                .first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }

        /// The body of a chunked answer with the framing removed; `nil` when the final zero chunk is missing.
        var dechunked: String? {
            let bytes = Array(body.utf8)
            var index = 0
            var result: [UInt8] = []
            while let lineEnd = (index..<max(index, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) {
                guard let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self), radix: 16) else { return nil }
                if size == 0 { return String(decoding: result, as: UTF8.self) }
                let start = lineEnd + 2
                guard bytes.count >= start + size + 2 else { return nil }
                result += bytes[start..<(start + size)]
                index = start + size + 2
            }
            return nil
        }

        /// The NDJSON lines of a (de-chunked or plain) body.
        func lines(of text: String) -> [String] {
            text.split(separator: "\n").map(String.init)
        }
    }

    /// Sends one request with `Connection: close` and reads until the server closes.
    func send(_ method: String, _ path: String, body: String? = nil, headers: [String] = []) throws -> Response {
        let socket = try Socket.connected(port: port)
        defer { socket.close() }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for header in headers { request += header + "\r\n" }
        if let body { request += "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" } else { request += "\r\n" }
        try socket.write(Array(request.utf8))
        return Response(raw: readAll(socket))
    }

    /// Opens a connection and sends `request` verbatim; the caller reads and closes.
    func open(sending request: String) throws -> Socket {
        let socket = try Socket.connected(port: port)
        try socket.write(Array(request.utf8))
        return socket
    }

    /// Everything the server sends until it closes the connection (or the read fails).
    func readAll(_ socket: Socket) -> String {
        var bytes: [UInt8] = []
        while let more = try? socket.read(), !more.isEmpty {
            bytes += more
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The scenario fixtures, found from this file's path.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(from: directory.appendingPathComponent("scenarios/\(name).json"))
    }

    /// A one-model scenario for focused tests.
    static func single(_ name: String = "solo", reply: String = "one two three four five six", behaviour: Scenario.Behaviour? = nil, numParallel: Int = 1, seed: UInt64 = 0) -> Scenario {
        Scenario(numParallel: numParallel, seed: seed, models: [
            Scenario.Model(name: name, behaviour: behaviour ?? Scenario.Behaviour(defaultReply: reply)),
        ])
    }
}

/// Runs `body` on `count` dedicated threads at once and waits for all: blocking socket clients on Swift's
/// small cooperative pool would run a few at a time and never make the server queue.
func onThreads<Value: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Value) -> [Result<Value, any Error>] {
    let results = ThreadResults<Value>(count)
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            let result = Result { try body(index) }
            results.lock.lock()
            results.values[index] = result
            results.lock.unlock()
            group.leave()
        }.start()
    }
    group.wait()
    return results.values.map { $0! }
}

/// The results of `onThreads`, one slot per thread.
private final class ThreadResults<Value: Sendable>: @unchecked Sendable {
    // `lock` guards `values`; each thread writes its own slot.
    let lock = NSLock()
    var values: [Result<Value, any Error>?]

    init(_ count: Int) {
        values = Array(repeating: nil, count: count)
    }
}
