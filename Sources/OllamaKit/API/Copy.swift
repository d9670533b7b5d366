/// The body of `POST /api/copy` (Go's `api.CopyRequest`); Ollama answers 200 with an empty body.
public struct CopyRequest: Codable, Sendable, Equatable {
    /// The existing model.
    public var source: String
    /// The new name.
    public var destination: String

    public init(source: String, destination: String) {
        self.source = source
        self.destination = destination
    }

    /// Decodes like Go: missing names are "", which the server then rejects itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decodeIfPresent(String.self, forKey: .source) ?? ""
        destination = try container.decodeIfPresent(String.self, forKey: .destination) ?? ""
    }
}
