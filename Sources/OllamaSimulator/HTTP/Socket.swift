import Glibc

/// A POSIX call that failed, carrying the call's name and the `strerror` text (like swift-nio's `IOError`).
public struct SocketError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case call(name: String, errno: Int32)
        case badAddress(String)
    }

    private let code: Code

    /// `name` failed with `errno`.
    static func call(_ name: String, errno: Int32) -> SocketError { SocketError(code: .call(name: name, errno: errno)) }
    /// `host` is not an IPv4 address the server can bind.
    static func badAddress(_ host: String) -> SocketError { SocketError(code: .badAddress(host)) }

    /// The `errno` of a failed call, `nil` for other errors.
    public var errnoCode: Int32? {
        if case .call(_, let errno) = code { return errno }
        return nil
    }

    public var description: String {
        switch code {
        case .call(let name, let errno):
            "\(name) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .badAddress(let host):
            "'\(host)' is not an IPv4 address; use e.g. 127.0.0.1 or 0.0.0.0"
        }
    }
}

/// Runs a POSIX call, retrying it while it is interrupted by a signal (`EINTR`).
/// - Throws: `SocketError` naming `name` with `errno`'s text when the call returns a negative value.
@discardableResult
func syscall<Result: BinaryInteger>(_ name: String, _ call: () -> Result) throws -> Result {
    while true {
        let result = call()
        if result >= 0 { return result }
        let error = errno
        if error != EINTR { throw SocketError.call(name, errno: error) }
    }
}

/// A TCP socket file descriptor; the owner closes it exactly once.
struct Socket: Sendable, Hashable {
    let descriptor: Int32

    /// A listening IPv4 socket bound to `host:port` (port 0 picks a free port).
    static func listening(host: String, port: Int) throws -> Socket {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        let name = host == "localhost" ? "127.0.0.1" : host
        guard port >= 0, port <= 65535, inet_pton(AF_INET, name, &address.sin_addr) == 1 else {
            throw SocketError.badAddress(host)
        }
        let socket = Socket(descriptor: try syscall("socket") { Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) })
        do {
            try socket.setOption(SO_REUSEADDR, level: SOL_SOCKET)
            try syscall("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            try syscall("listen") { Glibc.listen(socket.descriptor, 256) }
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// The port the socket is bound to (the real one when it was bound to port 0).
    func localPort() throws -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try syscall("getsockname") {
            withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Waits for the next connection, with `TCP_NODELAY` set so small answers are not held back by Nagle.
    func accept() throws -> Socket {
        let connection = Socket(descriptor: try syscall("accept") { Glibc.accept(descriptor, nil, nil) })
        try? connection.setOption(TCP_NODELAY, level: Int32(IPPROTO_TCP))
        return connection
    }

    /// Reads what has arrived (at most `limit` bytes); an empty result means the peer closed.
    func read(limit: Int = 65536) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: limit)
        let count = try buffer.withUnsafeMutableBytes { raw in
            try syscall("recv") { recv(descriptor, raw.baseAddress, limit, 0) }
        }
        return Array(buffer.prefix(count))
    }

    /// Writes all of `bytes`; `MSG_NOSIGNAL` turns a closed peer into `EPIPE` instead of a signal.
    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            offset += try bytes.withUnsafeBytes { raw in
                try syscall("send") {
                    send(descriptor, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
                }
            }
        }
    }

    /// Whether the peer has closed its end, checked without consuming any pending bytes.
    func peerClosed() -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 0) > 0 else { return false }
        if poller.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }

    /// Stops all reads and writes (waking a thread blocked in `accept` or `recv`) without freeing the descriptor.
    func shutdown() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
    }

    /// Frees the descriptor.
    func close() {
        _ = Glibc.close(descriptor)
    }

    private func setOption(_ option: Int32, level: Int32) throws {
        var on: Int32 = 1
        try syscall("setsockopt") { setsockopt(descriptor, level, option, &on, socklen_t(MemoryLayout<Int32>.size)) }
    }
}
