import Foundation

/// The body of `POST /api/show` (Go's `api.ShowRequest`).
public struct ShowRequest: Codable, Sendable, Equatable {
    /// The model name.
    public var model: String
    /// `true` returns the large `model_info` arrays (tokens, merges) in full.
    public var verbose: Bool?
    /// Overrides the SYSTEM message in the returned Modelfile.
    public var system: String?
    /// Parameters merged into the returned ones.
    public var options: [String: JSONValue]?

    public init(model: String, verbose: Bool? = nil, system: String? = nil, options: [String: JSONValue]? = nil) {
        self.model = model
        self.verbose = verbose
        self.system = system
        self.options = options
    }

    /// Decodes like Go: a missing `model` is "", which the server then rejects itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        verbose = try container.decodeIfPresent(Bool.self, forKey: .verbose)
        system = try container.decodeIfPresent(String.self, forKey: .system)
        options = try container.decodeIfPresent([String: JSONValue].self, forKey: .options)
    }
}

/// The answer of `POST /api/show` (Go's `api.ShowResponse`); Ollama omits empty strings.
public struct ShowResponse: Codable, Sendable, Equatable {
    /// The model's license text.
    public var license: String?
    /// A Modelfile that rebuilds the model (FROM points at the weights blob).
    public var modelfile: String?
    /// The PARAMETER lines, one "name value" per line, aligned with spaces.
    public var parameters: String?
    /// The prompt template.
    public var template: String?
    /// The SYSTEM message.
    public var system: String?
    /// Format, family, parameter size and quantization.
    public var details: ModelDetails
    /// The MESSAGE lines of the Modelfile.
    public var messages: [Message]?
    /// GGUF metadata such as "general.architecture" and "llama.context_length".
    public var modelInfo: [String: JSONValue]?
    /// Metadata of a multimodal projector, when the model has one.
    public var projectorInfo: [String: JSONValue]?
    /// What the model can do, e.g. ["completion", "tools"] (newer Ollama versions).
    public var capabilities: [String]?
    /// When the model was last created or pulled (newer Ollama versions).
    public var modifiedAt: Date?

    public init(
        license: String? = nil, modelfile: String? = nil, parameters: String? = nil, template: String? = nil,
        system: String? = nil, details: ModelDetails = ModelDetails(), messages: [Message]? = nil,
        modelInfo: [String: JSONValue]? = nil, projectorInfo: [String: JSONValue]? = nil,
        capabilities: [String]? = nil, modifiedAt: Date? = nil
    ) {
        self.license = license
        self.modelfile = modelfile
        self.parameters = parameters
        self.template = template
        self.system = system
        self.details = details
        self.messages = messages
        self.modelInfo = modelInfo
        self.projectorInfo = projectorInfo
        self.capabilities = capabilities
        self.modifiedAt = modifiedAt
    }

    enum CodingKeys: String, CodingKey {
        case license, modelfile, parameters, template, system, details, messages, capabilities
        case modelInfo = "model_info"
        case projectorInfo = "projector_info"
        case modifiedAt = "modified_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        license = try container.decodeIfPresent(String.self, forKey: .license)
        modelfile = try container.decodeIfPresent(String.self, forKey: .modelfile)
        parameters = try container.decodeIfPresent(String.self, forKey: .parameters)
        template = try container.decodeIfPresent(String.self, forKey: .template)
        system = try container.decodeIfPresent(String.self, forKey: .system)
        details = try container.decodeIfPresent(ModelDetails.self, forKey: .details) ?? ModelDetails()
        messages = try container.decodeIfPresent([Message].self, forKey: .messages)
        modelInfo = try container.decodeIfPresent([String: JSONValue].self, forKey: .modelInfo)
        projectorInfo = try container.decodeIfPresent([String: JSONValue].self, forKey: .projectorInfo)
        capabilities = try container.decodeIfPresent([String].self, forKey: .capabilities)
        modifiedAt = try container.decodeTimestampIfPresent(forKey: .modifiedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(license, forKey: .license)
        try container.encodeIfPresent(modelfile, forKey: .modelfile)
        try container.encodeIfPresent(parameters, forKey: .parameters)
        try container.encodeIfPresent(template, forKey: .template)
        try container.encodeIfPresent(system, forKey: .system)
        try container.encode(details, forKey: .details)
        try container.encodeIfPresent(messages, forKey: .messages)
        try container.encodeIfPresent(modelInfo, forKey: .modelInfo)
        try container.encodeIfPresent(projectorInfo, forKey: .projectorInfo)
        try container.encodeIfPresent(capabilities, forKey: .capabilities)
        try container.encodeTimestampIfPresent(modifiedAt, forKey: .modifiedAt)
    }
}
