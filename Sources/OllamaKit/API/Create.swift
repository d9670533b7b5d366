/// The body of `POST /api/create` (Go's `api.CreateRequest`).
///
/// Ollama up to 0.5.4 reads a Modelfile from `modelfile`; later versions read its parts from `from`,
/// `system`, `template`, `parameters`, `license` and `messages`. Set whichever your server expects.
public struct CreateRequest: Codable, Sendable, Equatable {
    /// The name of the model to create.
    public var model: String
    /// The contents of a Modelfile (Ollama ≤ 0.5.4).
    public var modelfile: String?
    /// The existing model to build on (Ollama ≥ 0.5.5), like a Modelfile's FROM.
    public var from: String?
    /// The SYSTEM message (Ollama ≥ 0.5.5).
    public var system: String?
    /// The prompt TEMPLATE (Ollama ≥ 0.5.5).
    public var template: String?
    /// PARAMETER values (Ollama ≥ 0.5.5), e.g. `["temperature": 0.3, "stop": ["<|eot_id|>"]]`.
    public var parameters: [String: JSONValue]?
    /// The LICENSE text, a string or an array of strings (Ollama ≥ 0.5.5).
    public var license: JSONValue?
    /// MESSAGE lines (Ollama ≥ 0.5.5).
    public var messages: [Message]?
    /// A quantization such as "q4_K_M" for a float16 model.
    public var quantize: String?
    /// `false` asks for one final status object instead of a stream.
    public var stream: Bool?

    public init(
        model: String, modelfile: String? = nil, from: String? = nil, system: String? = nil,
        template: String? = nil, parameters: [String: JSONValue]? = nil, license: JSONValue? = nil,
        messages: [Message]? = nil, quantize: String? = nil, stream: Bool? = nil
    ) {
        self.model = model
        self.modelfile = modelfile
        self.from = from
        self.system = system
        self.template = template
        self.parameters = parameters
        self.license = license
        self.messages = messages
        self.quantize = quantize
        self.stream = stream
    }

    /// Decodes like Go: a missing `model` is "", which the server then rejects itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        modelfile = try container.decodeIfPresent(String.self, forKey: .modelfile)
        from = try container.decodeIfPresent(String.self, forKey: .from)
        system = try container.decodeIfPresent(String.self, forKey: .system)
        template = try container.decodeIfPresent(String.self, forKey: .template)
        parameters = try container.decodeIfPresent([String: JSONValue].self, forKey: .parameters)
        license = try container.decodeIfPresent(JSONValue.self, forKey: .license)
        messages = try container.decodeIfPresent([Message].self, forKey: .messages)
        quantize = try container.decodeIfPresent(String.self, forKey: .quantize)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
    }
}

/// One status object of a create (or pull/push) stream (Go's `api.ProgressResponse`).
public struct ProgressResponse: Codable, Sendable, Equatable {
    /// What Ollama is doing, e.g. "writing manifest"; the last one of a good stream is "success".
    public var status: String
    /// The layer being transferred, when there is one.
    public var digest: String?
    /// Bytes to transfer.
    public var total: Int64?
    /// Bytes transferred so far.
    public var completed: Int64?

    public init(status: String, digest: String? = nil, total: Int64? = nil, completed: Int64? = nil) {
        self.status = status
        self.digest = digest
        self.total = total
        self.completed = completed
    }

    /// The status that ends a successful stream.
    public static let successStatus = "success"

    /// `true` for the final "success" status.
    public var isSuccess: Bool { status == Self.successStatus }
}
