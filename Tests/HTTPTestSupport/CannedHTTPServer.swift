import Foundation
import OllamaSimulator

/// A loopback TCP server that answers each connection with canned bytes, for client tests: the
/// requests a client sends, and its handling of answers a simulator would not give.
///
/// It is deliberately dumb (no HTTP parsing beyond reading the request): the point is to send exactly the
/// bytes a test needs, including broken ones. `@unchecked Sendable`: mutable state is guarded by `lock`.
package final class CannedHTTPServer: @unchecked Sendable {
    package enum Step: Sendable {
        /// Writes these bytes.
        case send(String)
        /// Waits before the next step.
        case pause(Duration)
        /// Keeps the connection open without answering until the server stops.
        case hang
    }

    package let port: Int
    private let listener: Socket
    /// The steps of each connection in turn; connections past the last one get the last one's.
    private let scripts: [[Step]]
    private var accepted = 0
    private let lock = NSLock()
    /// Left when the accept loop has returned, so `stop` closes the listener only after nothing can call
    /// `accept` on its descriptor number again (it may be reused at once by another test's socket).
    private let accepting = DispatchGroup()
    private var stopped = false
    private var connections: [Socket] = []
    private var received: [String] = []

    package var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The raw requests received so far (head and body).
    package var requests: [String] { lock.withLock { received } }

    /// Starts a server answering with `steps`, runs `body`, and stops the server even when `body` throws.
    package static func with<T>(_ steps: [Step], _ body: (CannedHTTPServer) async throws -> T) async throws -> T {
        let server = try CannedHTTPServer(steps)
        defer { server.stop() }
        return try await body(server)
    }

    /// Starts a server answering the first connection with `connections[0]`, the second with `connections[1]`…
    package static func with<T>(connections: [[Step]], _ body: (CannedHTTPServer) async throws -> T) async throws -> T {
        let server = try CannedHTTPServer(connections: connections)
        defer { server.stop() }
        return try await body(server)
    }

    package convenience init(_ steps: [Step], backlog: Int32 = 16) throws {
        try self.init(connections: [steps], backlog: backlog)
    }

    package init(connections: [[Step]], backlog: Int32 = 16) throws {
        precondition(!connections.isEmpty, "a server needs at least one script")
        self.scripts = connections
        (listener, port) = try Self.listen(backlog: backlog)
        accepting.enter()
        Thread.detachNewThread { [self] in
            acceptLoop()
            accepting.leave()
        }
    }

    /// Binds 127.0.0.1 on a free port and listens.
    package static func listen(backlog: Int32) throws -> (Socket, Int) {
        let listener = try Socket.listening(host: "127.0.0.1", port: 0, backlog: backlog)
        do {
            return (listener, try listener.localPort())
        } catch {
            listener.close()
            throw error
        }
    }

    /// A loopback port nothing listens on. Its socket stays bound (not listening) for the whole test process:
    /// a port merely closed again could be taken by another test's server while a client expects a refusal.
    package static func closedPort() throws -> Int {
        try refusingSocket.get().localPort()
    }

    private static let refusingSocket = Result { try Socket.bound() }

    package func stop() {
        lock.withLock { stopped = true }
        listener.shutdown()
        accepting.wait()
        listener.close()
        // Under the lock: serve() closes its descriptor under it too, so a number reused elsewhere is never hit.
        lock.withLock { connections.forEach { $0.shutdown() } }
    }

    private func acceptLoop() {
        while true {
            guard let connection = try? listener.accept() else {
                // After `stop` the listener is shut down; before it, a failed accept (a connection reset while
                // queued) must not end the server.
                if lock.withLock({ stopped }) { return }
                continue
            }
            lock.withLock { connections.append(connection) }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Socket) {
        defer {
            lock.withLock {
                connections.removeAll { $0 == connection }
                connection.close()
            }
        }
        let steps = lock.withLock {
            defer { accepted += 1 }
            return scripts[min(accepted, scripts.count - 1)]
        }
        lock.withLock { received.append(readRequest(connection)) }
        for step in steps {
            switch step {
            case .send(let text):
                guard (try? connection.write(Array(text.utf8))) != nil else { return }
            case .pause(let duration):
                Thread.sleep(forTimeInterval: duration.timeInterval)
            case .hang:
                _ = try? connection.read(limit: 1)  // returns when stop() shuts the socket down
            }
        }
    }

    /// Reads the head and a Content-Length body, which is all these tests' clients send.
    private func readRequest(_ connection: Socket) -> String {
        var data = [UInt8]()
        while true {
            let text = String(decoding: data, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n") {
                let length = text.lowercased().components(separatedBy: "content-length: ").dropFirst().first
                    .flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
                if text[headEnd.upperBound...].utf8.count >= length { return text }
            }
            guard let more = try? connection.read(limit: 4096), !more.isEmpty else { return text }
            data += more
        }
    }
}
