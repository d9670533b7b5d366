import Foundation

/// Reads an Ollama host the way Ollama's own client reads OLLAMA_HOST.
///
/// Accepts "host", "host:port", ":port" and "scheme://host[:port]"; the scheme defaults to http, the
/// host to 127.0.0.1 and the port to 11434 (80 or 443 when a scheme is given without one).
enum OllamaHost {
    /// The base URL, or `nil` when the value cannot name a server.
    static func url(from value: String) -> URL? {
        let trimmed = value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        var scheme = "http", hostPort = Substring(trimmed), defaultPort = "11434"
        if let separator = trimmed.range(of: "://") {
            scheme = trimmed[..<separator.lowerBound].lowercased()
            hostPort = trimmed[separator.upperBound...]
            defaultPort = scheme == "https" ? "443" : "80"
        }
        guard scheme == "http" || scheme == "https" else { return nil }
        while hostPort.hasSuffix("/") { hostPort = hostPort.dropLast() }
        var host = String(hostPort), port = defaultPort
        // The last colon separates the port unless it sits inside an IPv6 literal's brackets.
        if let colon = hostPort.lastIndex(of: ":"), !hostPort[colon...].contains("]") {
            host = String(hostPort[..<colon])
            port = String(hostPort[hostPort.index(after: colon)...])
        }
        if host.isEmpty { host = "127.0.0.1" }
        guard let number = Int(port), (1...65535).contains(number),
              !host.contains("/"), !host.contains(" ")
        else { return nil }
        return URL(string: "\(scheme)://\(host):\(number)")
    }
}
