import Foundation

/// Writes answers on one connection: whole responses in a single write, or chunked streams.
final class HTTPResponseWriter {
    private let socket: Socket
    private let isHead: Bool
    /// Whether the connection must close after this answer (the client asked, or a stream was cut short).
    private(set) var closesConnection: Bool
    /// Whether a status line has been written.
    private(set) var hasStarted = false

    init(socket: Socket, request: HTTPRequest) {
        self.socket = socket
        self.isHead = request.method == "HEAD"
        self.closesConnection = !request.keepsAlive
    }

    /// Content types Ollama's handlers send.
    enum ContentType {
        static let json = "application/json; charset=utf-8"
        static let ndjson = "application/x-ndjson"
        static let text = "text/plain; charset=utf-8"
    }

    /// Sends a complete answer with a Content-Length in one write.
    /// - Throws: `SocketError` when the peer has gone.
    func send(status: Int, contentType: String?, body: [UInt8]) throws {
        var headers = [("Content-Length", "\(body.count)")]
        if let contentType { headers.insert(("Content-Type", contentType), at: 0) }
        try socket.write(head(status: status, headers: headers) + (isHead ? [] : body))
    }

    /// Sends an answer whose Content-Length promises `body` but writes only its first `sentCount` bytes,
    /// then cuts the connection: a server dying mid-answer.
    func sendTruncated(status: Int, contentType: String, body: [UInt8], sentCount: Int) {
        let headers = [("Content-Type", contentType), ("Content-Length", "\(body.count)")]
        try? socket.write(head(status: status, headers: headers) + body.prefix(sentCount))
        abort()
    }

    /// Starts a chunked stream; each `writeChunk` then sends one piece.
    func startStream(status: Int, contentType: String) throws {
        try socket.write(head(status: status, headers: [("Content-Type", contentType), ("Transfer-Encoding", "chunked")]))
    }

    /// Sends one chunk of a stream in a single write.
    func writeChunk(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        try socket.write(Array(String(bytes.count, radix: 16).utf8) + [13, 10] + bytes + [13, 10])
    }

    /// Ends a stream with the zero-length chunk.
    func endStream() throws {
        try socket.write(Array("0\r\n\r\n".utf8))
    }

    /// Whether the client has hung up (a client that gave up waiting).
    func peerClosed() -> Bool {
        socket.peerClosed()
    }

    /// Cuts the connection without finishing the answer.
    func abort() {
        closesConnection = true
        socket.shutdown()
    }

    private func head(status: Int, headers: [(String, String)]) -> [UInt8] {
        hasStarted = true
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Date: \(Self.httpDate(Date()))\r\n"
        if closesConnection { text += "Connection: close\r\n" }
        return Array((text + "\r\n").utf8)
    }

    /// Go's `http.StatusText` for the statuses the simulator sends.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Request Entity Too Large"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status \(status)"
        }
    }

    /// The IMF-fixdate form of `Date` headers ("Mon, 02 Jan 2006 15:04:05 GMT").
    static func httpDate(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}
