import Foundation

/// Where an Ollama server listens, read from `OLLAMA_HOST` by the rules of Ollama's own `envconfig.Host`.
///
/// Accepted forms: "" (the default), "host", "host:port", ":port", "[::1]:port" and
/// "scheme://host[:port][/path]". Without a scheme the scheme is http and the port 11434; with "http://"
/// or "https://" but no port, the port is 80 or 443. The bare value "ollama.com" means https on 443.
/// Beyond Ollama, for a server behind an authenticating proxy, "user:password@" before the host (sent as
/// Basic auth, as Go's HTTP client does) and a "?query" (sent with every request) are kept, and a "#fragment"
/// is dropped. They are secrets: `description` and `redacted(_:)` never show them.
/// Unlike Ollama, which falls back to the default port with a log line, an unusable port or scheme is an
/// error here: silently checking a different server than the one configured would make readiness lie.
public struct OllamaHost: Sendable, Hashable, CustomStringConvertible {
    /// "http" or "https".
    public let scheme: String
    /// The host name or IP address, without brackets, e.g. "127.0.0.1" or "::1".
    public let host: String
    /// The TCP port.
    public let port: Int
    /// A path prefix for a server behind a reverse proxy, without leading or trailing "/"; usually empty.
    public let path: String
    /// "user:password" (percent-encoded as typed) for a proxy that asks for Basic auth; usually `nil`.
    public let userinfo: String?
    /// The query (without "?") a proxy expects on every request, e.g. "token=…"; usually `nil`.
    public let query: String?

    /// Ollama's default address, http://127.0.0.1:11434.
    public static let `default` = OllamaHost(scheme: "http", host: "127.0.0.1", port: 11434)!

    /// The default port when `OLLAMA_HOST` names no scheme.
    public static let defaultPort = 11434

    /// The base URL of the API, e.g. http://127.0.0.1:11434 (with the path prefix when there is one).
    public let url: URL

    // Private and failable so that every instance has a valid `url`.
    private init?(scheme: String, host: String, port: Int, path: String = "", userinfo: String? = nil, query: String? = nil) {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let text = "\(scheme)://" + (userinfo.map { $0 + "@" } ?? "") + "\(bracketed):\(port)"
            + (path.isEmpty ? "" : "/\(path)") + (query.map { "?" + $0 } ?? "")
        guard let url = URL(string: text), url.host != nil else { return nil }
        (self.scheme, self.host, self.port, self.path, self.url) = (scheme, host, port, path, url)
        (self.userinfo, self.query) = (userinfo, query)
    }

    /// Parses a value of `OLLAMA_HOST`.
    /// - Throws: `OllamaError.invalidHost` when the scheme is not http or https or the port is not 0–65535.
    public init(parsing value: String) throws {
        // envconfig.Var trims spaces, then quotes; Host trims spaces again.
        var trimmed = value.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            .trimmingCharacters(in: .whitespaces)
        // A fragment never reaches a server; a query is kept for every request.
        if let hash = trimmed.firstIndex(of: "#") { trimmed = String(trimmed[..<hash]) }
        var query: String?
        if let mark = trimmed.firstIndex(of: "?") {
            query = String(trimmed[trimmed.index(after: mark)...])
            trimmed = String(trimmed[..<mark])
            if query?.isEmpty == true { query = nil }
        }
        var scheme = "http", hostPort = trimmed, defaultPort = String(Self.defaultPort)
        if let separator = trimmed.range(of: "://") {
            scheme = String(trimmed[..<separator.lowerBound])
            hostPort = String(trimmed[separator.upperBound...])
            switch scheme {
            case "http": defaultPort = "80"
            case "https": defaultPort = "443"
            default:
                throw OllamaError.invalidHost(
                    value, reason: "the scheme '\(scheme)' is not supported; use http:// or https://")
            }
        } else if trimmed == "ollama.com" {
            (scheme, hostPort) = ("https", "ollama.com:443")
        }
        // The last "@" ends the userinfo, so a password holding "@" or "/" still splits where it should.
        var userinfo: String?
        if let at = hostPort.lastIndex(of: "@") {
            userinfo = String(hostPort[..<at])
            hostPort = String(hostPort[hostPort.index(after: at)...])
        }
        var path = ""
        if let slash = hostPort.firstIndex(of: "/") {
            path = String(hostPort[hostPort.index(after: slash)...])
            hostPort = String(hostPort[..<slash])
        }
        var host = "127.0.0.1", port = defaultPort
        if let (splitHost, splitPort) = Self.splitHostPort(hostPort) {
            host = splitHost
            port = splitPort
        } else if !hostPort.isEmpty {
            host = hostPort.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        }
        // Go's net.SplitHostPort accepts "host:" with an empty port, which then fails ParseInt: default port.
        if port.isEmpty { port = defaultPort }
        guard let number = Int(port), (0...65535).contains(number) else {
            throw OllamaError.invalidHost(value, reason: "the port '\(Self.redacted(port))' is not a number from 0 to 65535")
        }
        if host.isEmpty { host = "127.0.0.1" }
        while path.hasSuffix("/") { path.removeLast() }
        guard let parsed = OllamaHost(scheme: scheme, host: host, port: number, path: path, userinfo: userinfo, query: query)
        else {
            throw OllamaError.invalidHost(value, reason: "'\(host)' cannot be used as a host name in a URL")
        }
        self = parsed
    }

    /// The host named by `OLLAMA_HOST` in `environment`, or the default when it is unset or empty.
    /// - Throws: `OllamaError.invalidHost` when the value cannot name a server.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> OllamaHost {
        try OllamaHost(parsing: environment["OLLAMA_HOST"] ?? "")
    }

    /// The address a client connects to: like Ollama's `ConnectableHost`, the bind-all addresses 0.0.0.0
    /// and :: become the loopback addresses 127.0.0.1 and ::1.
    public var connectable: OllamaHost {
        switch host {
        case "0.0.0.0": OllamaHost(scheme: scheme, host: "127.0.0.1", port: port, path: path, userinfo: userinfo, query: query) ?? self
        case "::": OllamaHost(scheme: scheme, host: "::1", port: port, path: path, userinfo: userinfo, query: query) ?? self
        default: self
        }
    }

    /// The URL form with its secrets redacted, e.g. "http://***@[::1]:11434/ollama?token=***".
    public var description: String { Self.redacted(url.absoluteString) }

    /// Go's net.SplitHostPort: "host:port" or "[v6]:port"; `nil` when there is no port separator.
    private static func splitHostPort(_ text: String) -> (String, String)? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            return (host, String(text[text.index(close, offsetBy: 2)...]))
        }
        guard let colon = text.lastIndex(of: ":"), text.firstIndex(of: ":") == colon else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
