/// Raw HTTP/1.1 answers for `CannedHTTPServer`.
extension CannedHTTPServer {
    /// A complete answer with a Content-Length body.
    package static func response(_ status: String, contentType: String = "application/json; charset=utf-8", body: String) -> String {
        "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.utf8.count)\r\n"
            + "Connection: close\r\n\r\n\(body)"
    }

    /// The head of a chunked NDJSON stream, as Ollama sends it.
    package static let streamHead =
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"

    /// One chunk of a chunked body holding one NDJSON line.
    package static func chunk(_ line: String) -> String {
        let payload = line + "\n"
        return String(payload.utf8.count, radix: 16) + "\r\n" + payload + "\r\n"
    }

    /// The chunk that ends a chunked body.
    package static let lastChunk = "0\r\n\r\n"
}
