/// The body Ollama sends with an error status, and the line it writes when a stream fails midway:
/// `{"error": "model 'x' not found"}`.
public struct ErrorResponse: Codable, Sendable, Equatable {
    /// The message.
    public var error: String

    public init(error: String) {
        self.error = error
    }
}
