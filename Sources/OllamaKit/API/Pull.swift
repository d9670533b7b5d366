/// The body of `POST /api/pull` (Go's `api.PullRequest`); the answer is a stream of `ProgressResponse`.
///
/// Ollama still reads the deprecated `name`, `username` and `password` fields but ignores the last two,
/// so only `model`, `insecure` and `stream` are sent.
public struct PullRequest: Codable, Sendable, Equatable {
    /// The model to download, e.g. "llama3.2:3b".
    public var model: String
    /// `true` allows an insecure connection to the registry (for your own registry during development).
    public var insecure: Bool?
    /// `false` asks for one final status object instead of a stream.
    public var stream: Bool?

    public init(model: String, insecure: Bool? = nil, stream: Bool? = nil) {
        self.model = model
        self.insecure = insecure
        self.stream = stream
    }

    /// Decodes like Go: a missing `model` is "", which the server then rejects itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        insecure = try container.decodeIfPresent(Bool.self, forKey: .insecure)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
    }
}
