import Foundation
import OllamaKit
#if canImport(Glibc)
import Glibc
#endif

/// A loopback TCP server that answers every connection with the same canned bytes, for client tests: the
/// requests a client sends, and its handling of answers a simulator would not give.
///
/// It is deliberately dumb (no HTTP parsing beyond reading the request): the point is to send exactly the
/// bytes a test needs, including broken ones. `@unchecked Sendable`: mutable state is guarded by `lock`.
public final class CannedHTTPServer: @unchecked Sendable {
    public enum Step: Sendable {
        /// Writes these bytes.
        case send(String)
        /// Waits before the next step.
        case pause(Duration)
        /// Keeps the connection open without answering until the server stops.
        case hang
    }

    public let port: Int
    private let listener: Int32
    private let steps: [Step]
    private let lock = NSLock()
    private var connections: [Int32] = []
    private var received: [String] = []

    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// The raw requests received so far (head and body).
    public var requests: [String] { lock.withLock { received } }

    /// Starts a server answering with `steps`, runs `body`, and stops the server even when `body` throws.
    public static func with<T>(_ steps: [Step], _ body: (CannedHTTPServer) async throws -> T) async throws -> T {
        let server = try CannedHTTPServer(steps)
        defer { server.stop() }
        return try await body(server)
    }

    public init(_ steps: [Step], backlog: Int32 = 16) throws {
        self.steps = steps
        (listener, port) = try Self.listen(backlog: backlog)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Binds 127.0.0.1 on a free port and listens.
    public static func listen(backlog: Int32) throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && Glibc.listen(fd, backlog) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A loopback port nothing listens on: bound, read, then closed.
    public static func closedPort() throws -> Int {
        let (fd, port) = try listen(backlog: 1)
        close(fd)
        return port
    }

    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        // Under the lock: serve() closes its descriptor under it too, so a number reused elsewhere is never hit.
        lock.withLock { connections.forEach { shutdown($0, Int32(SHUT_RDWR)) } }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            lock.withLock { connections.append(fd) }
            Thread.detachNewThread { [self] in serve(fd) }
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            lock.withLock {
                connections.removeAll { $0 == fd }
                close(fd)
            }
        }
        lock.withLock { received.append(readRequest(fd)) }
        for step in steps {
            switch step {
            case .send(let text):
                let bytes = Array(text.utf8)
                guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == bytes.count else { return }
            case .pause(let duration):
                Thread.sleep(forTimeInterval: duration.timeInterval)
            case .hang:
                var byte: UInt8 = 0
                _ = read(fd, &byte, 1)  // returns when stop() shuts the socket down
            }
        }
    }

    /// Reads the head and a Content-Length body, which is all these tests' clients send.
    private func readRequest(_ fd: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let text = String(decoding: data, as: UTF8.self)
            if let headEnd = text.range(of: "\r\n\r\n") {
                let length = text.lowercased().components(separatedBy: "content-length: ").dropFirst().first
                    .flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
                if text[headEnd.upperBound...].utf8.count >= length { return text }
            }
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { return text }
            data += buffer[0..<count]
        }
    }
}
