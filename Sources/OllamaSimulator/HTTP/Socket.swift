import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX call that failed, carrying the call's name and the `strerror` text (like swift-nio's `IOError`).
package struct SocketError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case call(name: String, errno: Int32)
        case badAddress(String)
        case timedOut
    }

    private let code: Code

    /// `name` failed with `errno`.
    static func call(_ name: String, errno: Int32) -> SocketError { SocketError(code: .call(name: name, errno: errno)) }
    /// `host` is not an IPv4 address the server can bind.
    static func badAddress(_ host: String) -> SocketError { SocketError(code: .badAddress(host)) }
    /// Nothing arrived before a read's deadline.
    static let timedOut = SocketError(code: .timedOut)

    /// The `errno` of a failed call, `nil` for other errors.
    package var errnoCode: Int32? {
        if case .call(_, let errno) = code { return errno }
        return nil
    }

    package var description: String {
        switch code {
        case .call(let name, let errno):
            "\(name) failed: \(String(cString: strerror(errno))) (errno \(errno))"
        case .badAddress(let host):
            "'\(host)' is not an IPv4 address; use e.g. 127.0.0.1 or 0.0.0.0"
        case .timedOut:
            "timed out waiting for the peer"
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

/// A TCP socket file descriptor; the owner closes it exactly once. Package-wide so tests' raw clients and
/// servers share its platform handling (Socket+Platform.swift).
package struct Socket: Sendable, Hashable {
    let descriptor: Int32

    /// A new IPv4 TCP socket.
    private static func tcp() throws -> Socket {
        let created = Socket(descriptor: try syscall("socket") { socket(AF_INET, streamType, 0) })
        do {
            try created.suppressSIGPIPE()
            return created
        } catch {
            created.close()
            throw error
        }
    }

    /// A listening IPv4 socket bound to `host:port` (port 0 picks a free port).
    /// - Parameter backlog: How many connections may wait to be accepted.
    package static func listening(host: String, port: Int, backlog: Int32 = 256) throws -> Socket {
        let listener = try bound(host: host, port: port, reusingAddress: true)
        do {
            try syscall("listen") { listen(listener.descriptor, backlog) }
            return listener
        } catch {
            listener.close()
            throw error
        }
    }

    /// A socket bound to `host:port` that does not listen: connections to it are refused, and while it is open
    /// no other socket can bind its port, so a test's "nothing listens here" cannot race another test's server.
    /// - Parameter reusingAddress: SO_REUSEADDR, for servers that restart on a port in TIME_WAIT; off for a
    ///   port that must stay refused.
    package static func bound(host: String = "127.0.0.1", port: Int = 0, reusingAddress: Bool = false) throws -> Socket {
        let name = host == "localhost" ? "127.0.0.1" : host
        guard (0...65535).contains(port), var address = ipv4Address(name, port: port) else {
            throw SocketError.badAddress(host)
        }
        let socket = try tcp()
        do {
            if reusingAddress { try socket.setOption(SO_REUSEADDR, level: SOL_SOCKET) }
            try syscall("bind") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// A socket connected to `host:port`, for clients (the tests' raw HTTP client).
    package static func connected(host: String = "127.0.0.1", port: Int) throws -> Socket {
        guard (0...65535).contains(port), var address = ipv4Address(host, port: port) else {
            throw SocketError.badAddress(host)
        }
        let socket = try tcp()
        do {
            try syscall("connect") {
                withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            return socket
        } catch {
            socket.close()
            throw error
        }
    }

    /// The port the socket is bound to (the real one when it was bound to port 0).
    package func localPort() throws -> Int {
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
    package func accept() throws -> Socket {
        let connection = Socket(descriptor: try syscall("accept") { posixAccept(descriptor) })
        do {
            try connection.suppressSIGPIPE()
        } catch {
            connection.close()
            throw error
        }
        try? connection.setOption(TCP_NODELAY, level: Int32(IPPROTO_TCP))
        return connection
    }

    /// Reads what has arrived (at most `limit` bytes); an empty result means the peer closed.
    package func read(limit: Int = 65536) throws -> [UInt8] {
        // Uninitialised: zeroing `limit` bytes for every read cost more than the read of a small request.
        try [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
            count = try syscall("recv") { recv(descriptor, buffer.baseAddress, limit, 0) }
        }
    }

    /// Like `read(limit:)`, but gives up at `deadline`.
    /// - Throws: `SocketError.timedOut` when nothing arrives in time.
    func read(limit: Int = 65536, until deadline: Date) throws -> [UInt8] {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw SocketError.timedOut }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Whole milliseconds, rounded up so a short remainder still waits; at most a minute per poll.
            let milliseconds = Int32(min(remaining * 1000, 60_000).rounded(.up))
            if try syscall("poll", { poll(&poller, 1, milliseconds) }) > 0 { return try read(limit: limit) }
        }
    }

    /// Writes all of `bytes`; a closed peer is an `EPIPE` error, never a SIGPIPE.
    package func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            offset += try bytes.withUnsafeBytes { raw in
                try syscall("send") {
                    send(descriptor, raw.baseAddress! + offset, bytes.count - offset, Self.sendFlags)
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
    package func shutdown() {
        _ = posixShutdown(descriptor)
    }

    /// Ends the sending side only, so the peer sees the end of the answer while it may still be writing.
    func closeWrite() {
        _ = posixShutdownWrite(descriptor)
    }

    /// Frees the descriptor.
    package func close() {
        _ = posixClose(descriptor)
    }

    func setOption(_ option: Int32, level: Int32) throws {
        var on: Int32 = 1
        try syscall("setsockopt") { setsockopt(descriptor, level, option, &on, socklen_t(MemoryLayout<Int32>.size)) }
    }
}

// Inside `Socket` its own `accept()`, `shutdown()` and `close()` hide the C functions of those names;
// these reach them without naming the platform's module (Glibc or Darwin).
private func posixAccept(_ descriptor: Int32) -> Int32 { accept(descriptor, nil, nil) }
private func posixShutdown(_ descriptor: Int32) -> Int32 { shutdown(descriptor, Int32(SHUT_RDWR)) }
private func posixShutdownWrite(_ descriptor: Int32) -> Int32 { shutdown(descriptor, Int32(SHUT_WR)) }
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
