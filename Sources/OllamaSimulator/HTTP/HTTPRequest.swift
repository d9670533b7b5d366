import Foundation

/// One parsed HTTP/1.x request.
struct HTTPRequest: Sendable, Equatable {
    /// "GET", "POST", ...
    var method: String
    /// The path without the query string, e.g. "/api/tags".
    var path: String
    /// "HTTP/1.1" or "HTTP/1.0".
    var version: String
    /// Header fields in order; names as sent.
    var headers: [(name: String, value: String)]
    /// The body, de-chunked.
    var body: [UInt8]

    /// The first value of a header, matched case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Whether the connection stays open after the answer (HTTP/1.1 default, HTTP/1.0 only when asked).
    var keepsAlive: Bool {
        let connection = header("Connection")?.lowercased() ?? ""
        return version == "HTTP/1.0" ? connection == "keep-alive" : connection != "close"
    }

    static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.version == rhs.version && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// Why a request could not be read; the server answers these with a 4xx status and closes the connection.
enum HTTPParseError: Error, Equatable {
    /// The request line or a header is malformed.
    case malformed(String)
    /// The body is larger than the server accepts (413).
    case bodyTooLarge
    /// The request line and headers are larger, or more, than the server accepts (431).
    case headTooLarge
    /// The peer closed the connection in the middle of a request.
    case truncated
}

/// Reads requests one after another from a connection, keeping bytes that arrive early for the next one.
struct HTTPRequestReader {
    private var buffer: [UInt8] = []
    private let limits: SimulatorLimits
    private let receive: (Date) throws -> [UInt8]
    private let sendContinue: () throws -> Void
    /// When the request being read must be complete (or, before its first byte, begin).
    private var deadline = Date.distantFuture
    /// Whether a byte of the request being read has arrived.
    private var started = false

    /// - Parameters:
    ///   - limits: The sizes and the time a request may take.
    ///   - receive: Returns the next bytes from the peer, empty when it closed; throws once the deadline passes.
    ///   - sendContinue: Writes "100 Continue" for a client that waits for it before sending a body.
    init(limits: SimulatorLimits, receive: @escaping (Date) throws -> [UInt8], sendContinue: @escaping () throws -> Void) {
        self.limits = limits
        self.receive = receive
        self.sendContinue = sendContinue
    }

    /// The next request, or `nil` when the peer closed cleanly between requests.
    /// - Throws: `HTTPParseError`, or the receive error (a timeout) when the request is not complete in time.
    mutating func next() throws -> HTTPRequest? {
        // Bytes left from the last read mean this request has begun.
        started = !buffer.isEmpty
        deadline = Date(timeIntervalSinceNow: started ? limits.requestTimeout : limits.idleTimeout)
        guard let headEnd = try fill(until: { Self.find([13, 10, 13, 10], in: $0) }, limit: limits.maximumHeadBytes, tooLarge: .headTooLarge) else {
            if buffer.isEmpty { return nil }
            throw HTTPParseError.truncated
        }
        guard headEnd <= limits.maximumHeadBytes else { throw HTTPParseError.headTooLarge }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var request = try parseHead(head)
        let chunked = request.header("Transfer-Encoding")?.lowercased().contains("chunked") == true
        var length = 0
        if !chunked, let text = request.header("Content-Length") {
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count >= 0 else {
                throw HTTPParseError.malformed("bad Content-Length '\(text)'")
            }
            // Refused before any "100 Continue", so the client need not send it at all.
            guard count <= limits.maximumBodyBytes else { throw HTTPParseError.bodyTooLarge }
            length = count
        }
        if request.header("Expect")?.lowercased() == "100-continue" {
            try sendContinue()
        }
        request.body = chunked ? try readChunkedBody() : try take(length)
        return request
    }

    private func parseHead(_ head: String) throws -> HTTPRequest {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard lines.count - 1 <= limits.maximumHeaderCount else { throw HTTPParseError.headTooLarge }
        let parts = lines[0].split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else {
            throw HTTPParseError.malformed("bad request line '\(lines[0])'")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw HTTPParseError.malformed("bad header line '\(line)'")
            }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let target = parts[1]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        return HTTPRequest(method: String(parts[0]), path: String(path), version: String(parts[2]), headers: headers, body: [])
    }

    private mutating func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            guard let lineEnd = try fill(until: { Self.find([13, 10], in: $0) }, limit: limits.maximumHeadBytes, tooLarge: .headTooLarge) else {
                throw HTTPParseError.truncated
            }
            let sizeText = String(decoding: buffer[..<lineEnd], as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)[0]
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0 else {
                throw HTTPParseError.malformed("bad chunk size '\(sizeText)'")
            }
            buffer.removeFirst(lineEnd + 2)
            if size == 0 {
                // Skip optional trailers up to the blank line that ends the body.
                while true {
                    guard let end = try fill(until: { Self.find([13, 10], in: $0) }, limit: limits.maximumHeadBytes, tooLarge: .headTooLarge) else {
                        throw HTTPParseError.truncated
                    }
                    buffer.removeFirst(end + 2)
                    if end == 0 { return body }
                }
            }
            // Compared by subtraction: a chunk size near Int.max must not overflow the sum.
            guard size <= limits.maximumBodyBytes - body.count else { throw HTTPParseError.bodyTooLarge }
            body += try take(size)
            guard try take(2) == [13, 10] else { throw HTTPParseError.malformed("chunk not followed by CRLF") }
        }
    }

    private mutating func take(_ count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        guard try fill(until: { $0.count >= count ? count : nil }, limit: Int.max, tooLarge: .bodyTooLarge) != nil else {
            throw HTTPParseError.truncated
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer.prefix(count))
    }

    /// Reads until `found` locates something in the buffer; `nil` when the peer closes first.
    private mutating func fill(until found: ([UInt8]) -> Int?, limit: Int, tooLarge: HTTPParseError) throws -> Int? {
        while true {
            if let index = found(buffer) { return index }
            guard buffer.count <= limit else { throw tooLarge }
            let more = try receive(deadline)
            if more.isEmpty { return nil }
            if !started {
                started = true
                deadline = Date(timeIntervalSinceNow: limits.requestTimeout)
            }
            buffer += more
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}
