/// The body of `DELETE /api/delete` (Go's `api.DeleteRequest`); Ollama answers 200 with an empty body.
public struct DeleteRequest: Codable, Sendable, Equatable {
    /// The model to delete.
    public var model: String

    public init(model: String) {
        self.model = model
    }

    /// Decodes like Go: a missing `model` is "", and the deprecated `name` is read when `model` is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: LegacyKeys.self)
        let model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        self.model = model.isEmpty ? try container.decodeIfPresent(String.self, forKey: .name) ?? "" : model
    }

    private enum LegacyKeys: String, CodingKey {
        case model, name
    }
}
