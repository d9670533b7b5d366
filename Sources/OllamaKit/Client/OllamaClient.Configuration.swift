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

        public init(
            baseURL: URL = OllamaHost.default.url, connectTimeout: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(120)
        ) {
            self.baseURL = baseURL
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
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
