import Foundation

extension OllamaClient {
    /// Where the client connects and how long it waits by default.
    public struct Configuration: Sendable, Equatable {
        /// The server's base URL, e.g. http://127.0.0.1:11434.
        public var baseURL: URL
        /// How long to wait for the connection to be established.
        public var connectTimeout: Duration
        /// How long a whole request may take, unless a call passes its own timeout.
        public var requestTimeout: Duration
        /// The most bytes one answer (a whole body, or a whole NDJSON stream) may have before the exchange ends.
        public var maxResponseBytes: Int
        /// The most bytes one NDJSON line may have before the stream ends.
        public var maxLineBytes: Int
        /// How transient failures of requests that are safe to repeat are retried.
        public var retries: RetryPolicy

        /// 64 MiB: far above any answer Ollama gives to the calls this client makes.
        public static let defaultMaxResponseBytes = 64 << 20
        /// 8 MiB: far above any line of an Ollama stream.
        public static let defaultMaxLineBytes = 8 << 20

        public init(
            baseURL: URL = OllamaHost.default.url, connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(120), maxResponseBytes: Int = defaultMaxResponseBytes,
            maxLineBytes: Int = defaultMaxLineBytes, retries: RetryPolicy = RetryPolicy()
        ) {
            self.baseURL = baseURL
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxResponseBytes = maxResponseBytes
            self.maxLineBytes = maxLineBytes
            self.retries = retries
        }

        /// The URL of the API path `path` (e.g. "/api/tags") under `baseURL`: its path prefix and query kept,
        /// its user and password left out (they travel as `authorization`, not in the request line).
        public func url(for path: String) -> URL {
            guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
                return baseURL.appendingPathComponent(path)
            }
            components.user = nil
            components.password = nil
            components.fragment = nil
            var prefix = components.percentEncodedPath
            while prefix.hasSuffix("/") { prefix.removeLast() }
            components.percentEncodedPath = prefix + path
            return components.url ?? baseURL
        }

        /// "Basic …" from `baseURL`'s user and password, as Go's HTTP client sends them; `nil` without a user.
        public var authorization: String? {
            guard let components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false),
                  let user = components.user
            else { return nil }
            return "Basic " + Data("\(user):\(components.password ?? "")".utf8).base64EncodedString()
        }

        /// `baseURL` fit for messages: credentials and query values redacted, no trailing "/".
        public var redactedHost: String {
            var text = OllamaHost.redacted(baseURL.absoluteString)
            while text.hasSuffix("/") { text.removeLast() }
            return text
        }

        /// A configuration for a parsed host (its connectable address: 0.0.0.0 becomes 127.0.0.1).
        public init(host: OllamaHost, connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(120)) {
            self.init(baseURL: host.connectable.url, connectTimeout: connectTimeout, requestTimeout: requestTimeout)
        }

        /// The configuration `OLLAMA_HOST` in `environment` names, with the default timeouts.
        /// - Throws: `OllamaError.invalidHost` when `OLLAMA_HOST` cannot name a server.
        public static func fromEnvironment(
            _ environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> Configuration {
            Configuration(host: try OllamaHost.fromEnvironment(environment))
        }
    }
}
