#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Everything the socket code does differently on Linux (Glibc) and macOS (Darwin), in one place.

extension Socket {
    /// `SOCK_STREAM` as `socket(2)` takes it: Glibc imports it as an enum, Darwin as an `Int32`.
    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    #elseif canImport(Darwin)
    static let streamType = SOCK_STREAM
    #endif

    /// Flags for every `send(2)`: on Linux `MSG_NOSIGNAL` makes a write to a closed peer fail with `EPIPE`
    /// instead of raising SIGPIPE. Darwin has no such flag; `suppressSIGPIPE()` sets `SO_NOSIGPIPE` instead.
    #if canImport(Glibc)
    static let sendFlags = Int32(MSG_NOSIGNAL)
    #elseif canImport(Darwin)
    static let sendFlags: Int32 = 0
    #endif

    /// Makes writes to a closed peer fail with `EPIPE` rather than raise SIGPIPE, on Darwin where `sendFlags`
    /// cannot; on Linux there is nothing to do.
    func suppressSIGPIPE() throws {
        #if canImport(Darwin)
        try setOption(SO_NOSIGPIPE, level: SOL_SOCKET)
        #endif
    }

    /// The IPv4 socket address of `host:port`, or `nil` when `host` is not a dotted IPv4 address.
    static func ipv4Address(_ host: String, port: Int) -> sockaddr_in? {
        var address = sockaddr_in()
        #if canImport(Darwin)
        // BSD socket addresses start with their own length.
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return nil }
        return address
    }
}

extension Socket {
    /// How many connections wait in this listening socket's accept queue: Linux reports it in `TCP_INFO`
    /// (`tcpi_unacked` of a listener); `nil` where it cannot be read. Tests that fill the queue wait on it,
    /// because a client's `connect` returns before the server side has queued the connection.
    package func queuedConnections() -> Int? {
        #if canImport(Glibc)
        var info = tcp_info()
        var length = socklen_t(MemoryLayout<tcp_info>.size)
        guard getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_INFO, &info, &length) == 0 else { return nil }
        return Int(info.tcpi_unacked)
        #else
        return nil
        #endif
    }
}
