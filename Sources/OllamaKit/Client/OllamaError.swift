/// A failure to get an answer from Ollama, described in a sentence a readiness report can show as is.
public struct OllamaError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case unreachable(host: String, reason: String)
        case connectTimedOut(host: String, after: Duration)
        case requestTimedOut(endpoint: String, after: Duration)
        case connectionLost(endpoint: String, reason: String)
        case httpStatus(endpoint: String, status: Int, message: String)
        case modelNotFound(model: String, message: String)
        case undecodable(what: String, reason: String, excerpt: String)
        case streamEndedEarly(endpoint: String)
        case streamError(endpoint: String, message: String)
        case invalidHost(value: String, reason: String)
        case invalidModelName(name: String, reason: String)
        case responseTooLarge(endpoint: String, what: String, limit: Int)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// Nothing accepts connections at `host` (refused, unknown host, no route).
    public static func unreachable(host: String, reason: String) -> OllamaError {
        OllamaError(.unreachable(host: host, reason: reason))
    }

    /// The connection to `host` was not established within the connect timeout (for a request without a
    /// body, URLSession gives no sign of the connection before the answer starts, so that counts too).
    public static func connectTimedOut(host: String, after: Duration) -> OllamaError {
        OllamaError(.connectTimedOut(host: host, after: after))
    }

    /// The request was sent but the whole answer did not arrive within the request timeout.
    public static func requestTimedOut(endpoint: String, after: Duration) -> OllamaError {
        OllamaError(.requestTimedOut(endpoint: endpoint, after: after))
    }

    /// The connection broke while the answer was arriving (reset, closed early).
    public static func connectionLost(endpoint: String, reason: String) -> OllamaError {
        OllamaError(.connectionLost(endpoint: endpoint, reason: reason))
    }

    /// Ollama answered with a non-2xx status; `message` is its `{"error": …}` text or an excerpt of the body
    /// (at most `quotedLimit` characters of it are kept).
    public static func httpStatus(endpoint: String, status: Int, message: String) -> OllamaError {
        OllamaError(.httpStatus(endpoint: endpoint, status: status, message: excerpt(message)))
    }

    /// Ollama answered 404 with "model '…' not found" (or similar) for `model`.
    public static func modelNotFound(model: String, message: String) -> OllamaError {
        OllamaError(.modelNotFound(model: model, message: excerpt(message)))
    }

    /// The answer was not the JSON expected; `excerpt` is its beginning (at most 200 characters).
    public static func undecodable(what: String, reason: String, excerpt: String) -> OllamaError {
        OllamaError(.undecodable(what: what, reason: reason, excerpt: Self.excerpt(excerpt)))
    }

    /// A stream closed without its final object (`"done": true`, or status "success" for create).
    public static func streamEndedEarly(endpoint: String) -> OllamaError {
        OllamaError(.streamEndedEarly(endpoint: endpoint))
    }

    /// Ollama wrote an `{"error": …}` line in the middle of a stream.
    public static func streamError(endpoint: String, message: String) -> OllamaError {
        OllamaError(.streamError(endpoint: endpoint, message: excerpt(message)))
    }

    /// An `OLLAMA_HOST` value (or other host setting) that cannot name a server.
    public static func invalidHost(_ value: String, reason: String) -> OllamaError {
        OllamaError(.invalidHost(value: value, reason: reason))
    }

    /// A model name that breaks Ollama's naming rules.
    public static func invalidModelName(_ name: String, reason: String) -> OllamaError {
        OllamaError(.invalidModelName(name: name, reason: reason))
    }

    /// The answer to `endpoint` (`what`: "the answer" or "a line of the stream") grew past `limit` bytes,
    /// so the exchange was ended.
    public static func responseTooLarge(endpoint: String, what: String, limit: Int) -> OllamaError {
        OllamaError(.responseTooLarge(endpoint: endpoint, what: what, limit: limit))
    }

    /// How much of a text the server sent an error quotes: enough to diagnose, not a whole page or answer.
    public static let quotedLimit = 200

    /// The first `quotedLimit` characters of `text`, with "…" when it was longer.
    private static func excerpt(_ text: String) -> String {
        text.count <= quotedLimit ? text : text.prefix(quotedLimit - 1) + "…"
    }

    /// `true` when Ollama could not be reached at all (refused, unknown host, connect timeout).
    public var isUnreachable: Bool {
        switch code {
        case .unreachable, .connectTimedOut: true
        default: false
        }
    }

    /// `true` for a connect or request timeout.
    public var isTimeout: Bool {
        switch code {
        case .connectTimedOut, .requestTimedOut: true
        default: false
        }
    }

    /// `true` when the server, not the request, is the problem: unreachable, timed out, connection lost,
    /// a 5xx status, a truncated stream or an error inside a stream.
    public var isServiceFailure: Bool {
        switch code {
        case .unreachable, .connectTimedOut, .requestTimedOut, .connectionLost, .streamEndedEarly, .streamError,
             .responseTooLarge:
            true
        case .httpStatus(_, let status, _):
            status >= 500
        default:
            false
        }
    }

    /// `true` when an answer was cut off: the stream ended without its final object, or the connection was lost.
    public var isTruncation: Bool {
        switch code {
        case .streamEndedEarly, .connectionLost: true
        default: false
        }
    }

    /// `true` for a refused connection, or one closed or reset before any answer: a server (re)starting.
    var isConnectionFailure: Bool {
        switch code {
        case .unreachable(_, let reason), .connectionLost(_, let reason): ConnectionFailure.reasons.contains(reason)
        default: false
        }
    }

    /// `true` when Ollama said the requested model does not exist.
    public var isModelNotFound: Bool {
        if case .modelNotFound = code { return true }
        return false
    }

    /// The HTTP status Ollama answered with, when the failure is one (404 for a missing model).
    public var httpStatus: Int? {
        switch code {
        case .httpStatus(_, let status, _): status
        case .modelNotFound: 404
        default: nil
        }
    }

    /// The failure in a sentence; hosts appear redacted (`OllamaHost.redacted(_:)`), whatever the caller passed.
    /// Text from the server is quoted as received: whoever prints it neutralises control characters.
    public var description: String {
        switch code {
        case .unreachable(let host, let reason):
            "Ollama is not reachable at \(OllamaHost.redacted(host)) (\(reason)). Start it with 'ollama serve' or set OLLAMA_HOST."
        case .connectTimedOut(let host, let after):
            "Ollama at \(OllamaHost.redacted(host)) did not accept a connection or start answering within \(after.secondsDescription). "
                + "Check the host and port, and that no firewall drops the connection."
        case .requestTimedOut(let endpoint, let after):
            "Ollama did not finish answering \(endpoint) within \(after.secondsDescription). "
                + "The model may be loading or too slow; raise the request timeout or check the server."
        case .connectionLost(let endpoint, let reason):
            "The connection to Ollama broke while answering \(endpoint) (\(reason))."
        case .httpStatus(let endpoint, let status, let message):
            "Ollama answered \(endpoint) with HTTP \(status): \(message)"
        case .modelNotFound(let model, let message):
            "Model '\(model)' is not available in Ollama (\(message)). Create it or pull it"
                // Only a valid name (letters, digits, "._-:/") goes into a command a user may paste.
                + ((try? ModelName(model)) != nil ? ", e.g. 'ollama pull \(model)'." : ".")
        case .undecodable(let what, let reason, let excerpt):
            "Could not read \(what): \(reason). It began: '\(excerpt)'"
        case .streamEndedEarly(let endpoint):
            "Ollama's stream for \(endpoint) ended before its final object: the answer is truncated."
        case .streamError(let endpoint, let message):
            "Ollama reported an error in the middle of the stream for \(endpoint): \(message)"
        case .invalidHost(let value, let reason):
            "OLLAMA_HOST '\(OllamaHost.redacted(value))' is not usable: \(reason). Set it like '127.0.0.1:11434' or 'http://host:11434'."
        case .invalidModelName(let name, let reason):
            "'\(name)' is not a valid Ollama model name: \(reason)."
        case .responseTooLarge(let endpoint, let what, let limit):
            "Ollama's answer to \(endpoint) was cut off: \(what) exceeded the limit of \(limit) bytes "
                + "(maxResponseBytes, maxLineBytes). Check that the host is an Ollama server."
        }
    }
}

extension Duration {
    /// "5 s", "0.25 s": seconds with up to three decimals, for messages.
    var secondsDescription: String {
        let (seconds, attoseconds) = components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        var text = String(milliseconds / 1000)
        if milliseconds % 1000 != 0 {
            var fraction = String(abs(milliseconds % 1000))
            fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + " s"
    }
}
