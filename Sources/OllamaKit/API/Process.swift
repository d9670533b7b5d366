import Foundation

/// The answer of `GET /api/ps`: the models loaded in memory.
public struct ProcessResponse: Codable, Sendable, Equatable {
    /// The loaded models.
    public var models: [ProcessModelResponse]

    public init(models: [ProcessModelResponse]) {
        self.models = models
    }

    /// Decodes leniently: `"models": null` (a Go nil slice) is an empty list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = try container.decodeIfPresent([ProcessModelResponse].self, forKey: .models) ?? []
    }
}

/// One loaded model in `/api/ps` (Go's `api.ProcessModelResponse`).
public struct ProcessModelResponse: Codable, Sendable, Equatable {
    /// The full name with tag.
    public var name: String
    /// The same name again.
    public var model: String
    /// Memory used in bytes.
    public var size: Int64
    /// The manifest's SHA-256 digest.
    public var digest: String
    /// Format, family, parameter size and quantization.
    public var details: ModelDetails
    /// When Ollama will unload the model (its `keep_alive` deadline).
    public var expiresAt: Date
    /// The part of `size` held in GPU memory, in bytes.
    public var sizeVRAM: Int64
    /// The context length the model was loaded with (`context_length`, Ollama 0.11+); `nil` when absent.
    public var contextLength: Int?

    public init(
        name: String, model: String? = nil, size: Int64, digest: String, details: ModelDetails = ModelDetails(),
        expiresAt: Date, sizeVRAM: Int64, contextLength: Int? = nil
    ) {
        self.name = name
        self.model = model ?? name
        self.size = size
        self.digest = digest
        self.details = details
        self.expiresAt = expiresAt
        self.sizeVRAM = sizeVRAM
        self.contextLength = contextLength
    }

    enum CodingKeys: String, CodingKey {
        case name, model, size, digest, details
        case expiresAt = "expires_at"
        case sizeVRAM = "size_vram"
        case contextLength = "context_length"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? name
        size = try container.decode(Int64.self, forKey: .size)
        digest = try container.decode(String.self, forKey: .digest)
        details = try container.decodeIfPresent(ModelDetails.self, forKey: .details) ?? ModelDetails()
        expiresAt = try container.decodeTimestamp(forKey: .expiresAt)
        sizeVRAM = try container.decodeIfPresent(Int64.self, forKey: .sizeVRAM) ?? 0
        contextLength = try container.decodeIfPresent(Int.self, forKey: .contextLength)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(model, forKey: .model)
        try container.encode(size, forKey: .size)
        try container.encode(digest, forKey: .digest)
        try container.encode(details, forKey: .details)
        try container.encodeTimestamp(expiresAt, forKey: .expiresAt)
        try container.encode(sizeVRAM, forKey: .sizeVRAM)
        try container.encodeIfPresent(contextLength, forKey: .contextLength)
    }
}
