import Foundation
import OllamaSimulator

/// A lean HTTP/1.1 client for measuring ollama-sim itself rather than a client: one keep-alive connection on a
/// raw socket, one request at a time, answers with a Content-Length body only.
struct KeepAliveConnection {
    /// What came back that was not an answer this client reads.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let socket: Socket
    /// Bytes received and not yet handed out.
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        socket = try Socket.connected(port: port)
    }

    /// A whole request: `POST path` with a JSON body.
    static func post(_ path: String, json: String, port: Int) -> [UInt8] {
        Array("POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)".utf8)
    }

    /// Sends `request` and reads its answer.
    /// - Returns: The status code and the body.
    /// - Throws: `SocketError`, or `Failure` when the peer closes mid-answer or the answer has no Content-Length.
    mutating func exchange(_ request: [UInt8]) throws -> (status: Int, body: ArraySlice<UInt8>) {
        try socket.write(request)
        var headEnd: Int?
        while true {
            if headEnd == nil { headEnd = Self.find([13, 10, 13, 10], in: buffer) }
            if let headEnd {
                // "\r\n" is one Character in Swift, so the head is split with Foundation's components.
                let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).lowercased().components(separatedBy: "\r\n")
                let field = "content-length:"
                guard lines[0].hasPrefix("http/1.1 "), let status = Int(lines[0].dropFirst(9).prefix(3)),
                      let line = lines.first(where: { $0.hasPrefix(field) }),
                      let length = Int(line.dropFirst(field.count).trimmingCharacters(in: .whitespaces))
                else { throw Failure(description: "an answer without a status or a Content-Length: \(lines)") }
                let end = headEnd + 4 + length
                if buffer.count >= end {
                    defer { buffer.removeFirst(end) }
                    return (status, buffer[(headEnd + 4)..<end])
                }
            }
            let more = try socket.read()
            guard !more.isEmpty else { throw Failure(description: "the server closed the connection mid-answer") }
            buffer += more
        }
    }

    func close() {
        socket.close()
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
