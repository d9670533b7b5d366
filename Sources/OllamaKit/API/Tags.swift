import Foundation

/// The answer of `GET /api/tags`: the models stored locally.
public struct ListResponse: Codable, Sendable, Equatable {
    /// The local models, in Ollama's order (most recently modified first).
    public var models: [ListModelResponse]

    public init(models: [ListModelResponse]) {
        self.models = models
    }

    /// Decodes leniently: `"models": null` (a Go nil slice) is an empty list.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = try container.decodeIfPresent([ListModelResponse].self, forKey: .models) ?? []
    }
}

/// One local model in `/api/tags` (Go's `api.ListModelResponse`).
public struct ListModelResponse: Codable, Sendable, Equatable {
    /// The full name with tag, e.g. "llama3:latest".
    public var name: String
    /// The same name again (older Ollama versions omit it; it then defaults to `name`).
    public var model: String
    /// When the model was last created or pulled.
    public var modifiedAt: Date
    /// Size on disk in bytes.
    public var size: Int64
    /// The manifest's SHA-256 digest (hex, without "sha256:").
    public var digest: String
    /// Format, family, parameter size and quantization.
    public var details: ModelDetails

    public init(
        name: String, model: String? = nil, modifiedAt: Date, size: Int64, digest: String,
        details: ModelDetails = ModelDetails()
    ) {
        self.name = name
        self.model = model ?? name
        self.modifiedAt = modifiedAt
        self.size = size
        self.digest = digest
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case name, model, size, digest, details
        case modifiedAt = "modified_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? name
        modifiedAt = try container.decodeTimestamp(forKey: .modifiedAt)
        size = try container.decode(Int64.self, forKey: .size)
        digest = try container.decode(String.self, forKey: .digest)
        details = try container.decodeIfPresent(ModelDetails.self, forKey: .details) ?? ModelDetails()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(model, forKey: .model)
        try container.encodeTimestamp(modifiedAt, forKey: .modifiedAt)
        try container.encode(size, forKey: .size)
        try container.encode(digest, forKey: .digest)
        try container.encode(details, forKey: .details)
    }
}

/// What Ollama knows about a model's weights (Go's `api.ModelDetails`).
public struct ModelDetails: Codable, Sendable, Equatable {
    /// The model this one was created from, when Ollama recorded it.
    public var parentModel: String
    /// The weights' file format, e.g. "gguf".
    public var format: String
    /// The architecture family, e.g. "llama".
    public var family: String
    /// All families (Ollama sends `null` for some models).
    public var families: [String]?
    /// The parameter count as Ollama prints it, e.g. "8.0B".
    public var parameterSize: String
    /// The quantization, e.g. "Q4_0".
    public var quantizationLevel: String

    public init(
        parentModel: String = "", format: String = "", family: String = "", families: [String]? = nil,
        parameterSize: String = "", quantizationLevel: String = ""
    ) {
        self.parentModel = parentModel
        self.format = format
        self.family = family
        self.families = families
        self.parameterSize = parameterSize
        self.quantizationLevel = quantizationLevel
    }

    enum CodingKeys: String, CodingKey {
        case format, family, families
        case parentModel = "parent_model"
        case parameterSize = "parameter_size"
        case quantizationLevel = "quantization_level"
    }

    /// Decodes leniently: fields older Ollama versions did not send are empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parentModel = try container.decodeIfPresent(String.self, forKey: .parentModel) ?? ""
        format = try container.decodeIfPresent(String.self, forKey: .format) ?? ""
        family = try container.decodeIfPresent(String.self, forKey: .family) ?? ""
        families = try container.decodeIfPresent([String].self, forKey: .families)
        parameterSize = try container.decodeIfPresent(String.self, forKey: .parameterSize) ?? ""
        quantizationLevel = try container.decodeIfPresent(String.self, forKey: .quantizationLevel) ?? ""
    }

    /// Encodes like Go: every field present, `families` as `null` when there are none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parentModel, forKey: .parentModel)
        try container.encode(format, forKey: .format)
        try container.encode(family, forKey: .family)
        try container.encode(families, forKey: .families)
        try container.encode(parameterSize, forKey: .parameterSize)
        try container.encode(quantizationLevel, forKey: .quantizationLevel)
    }
}
