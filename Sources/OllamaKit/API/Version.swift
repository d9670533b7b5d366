/// The answer of `GET /api/version`.
public struct VersionResponse: Codable, Sendable, Equatable {
    /// Ollama's version, e.g. "0.5.1".
    public var version: String

    public init(version: String) {
        self.version = version
    }
}
