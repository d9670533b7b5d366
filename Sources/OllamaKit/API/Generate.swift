import Foundation

/// The body of `POST /api/generate` (Go's `api.GenerateRequest`).
public struct GenerateRequest: Codable, Sendable, Equatable {
    /// The model name, e.g. "llama3.2" or "louisville_expert_v3:latest".
    public var model: String
    /// The prompt; empty or absent only loads the model.
    public var prompt: String?
    /// Text that comes after the inserted text (fill-in-the-middle models).
    public var suffix: String?
    /// Overrides the Modelfile's SYSTEM message.
    public var system: String?
    /// Overrides the Modelfile's TEMPLATE.
    public var template: String?
    /// The `context` of a previous response, for a short conversational memory (deprecated by Ollama).
    public var context: [Int]?
    /// `false` asks for one JSON object; absent or `true` asks for an NDJSON stream.
    public var stream: Bool?
    /// `true` sends the prompt without applying the template.
    public var raw: Bool?
    /// `"json"` or a JSON schema the answer must follow.
    public var format: JSONValue?
    /// How long the model stays loaded after this request.
    public var keepAlive: KeepAlive?
    /// Base64-encoded images for multimodal models.
    public var images: [String]?
    /// Modelfile parameters for this request, e.g. `["temperature": 0.2, "num_predict": 64]`.
    public var options: [String: JSONValue]?

    public init(
        model: String, prompt: String? = nil, suffix: String? = nil, system: String? = nil,
        template: String? = nil, context: [Int]? = nil, stream: Bool? = nil, raw: Bool? = nil,
        format: JSONValue? = nil, keepAlive: KeepAlive? = nil, images: [String]? = nil,
        options: [String: JSONValue]? = nil
    ) {
        self.model = model
        self.prompt = prompt
        self.suffix = suffix
        self.system = system
        self.template = template
        self.context = context
        self.stream = stream
        self.raw = raw
        self.format = format
        self.keepAlive = keepAlive
        self.images = images
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case model, prompt, suffix, system, template, context, stream, raw, format, images, options
        case keepAlive = "keep_alive"
    }

    /// Decodes like Go: a missing `model` is the empty string, which the server then rejects itself.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        prompt = try container.decodeIfPresent(String.self, forKey: .prompt)
        suffix = try container.decodeIfPresent(String.self, forKey: .suffix)
        system = try container.decodeIfPresent(String.self, forKey: .system)
        template = try container.decodeIfPresent(String.self, forKey: .template)
        context = try container.decodeIfPresent([Int].self, forKey: .context)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
        raw = try container.decodeIfPresent(Bool.self, forKey: .raw)
        format = try container.decodeIfPresent(JSONValue.self, forKey: .format)
        keepAlive = try container.decodeIfPresent(KeepAlive.self, forKey: .keepAlive)
        images = try container.decodeIfPresent([String].self, forKey: .images)
        options = try container.decodeIfPresent([String: JSONValue].self, forKey: .options)
    }
}

/// One object of a `/api/generate` answer: a chunk of a stream, or the whole answer when `stream` is false.
public struct GenerateResponse: Codable, Sendable, Equatable {
    /// The model that answered.
    public var model: String
    /// When Ollama produced this object.
    public var createdAt: Date
    /// The text of this chunk (the whole text when not streamed).
    public var response: String
    /// `true` on the final object, which carries the metrics.
    public var done: Bool
    /// Why generation stopped: "stop", "length", "load", "unload".
    public var doneReason: String?
    /// An encoding of the conversation to send back as `context`.
    public var context: [Int]?
    /// Timing and token counts (final object only).
    public var metrics: Metrics

    public init(
        model: String, createdAt: Date, response: String, done: Bool, doneReason: String? = nil,
        context: [Int]? = nil, metrics: Metrics = Metrics()
    ) {
        self.model = model
        self.createdAt = createdAt
        self.response = response
        self.done = done
        self.doneReason = doneReason
        self.context = context
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case model, response, done, context
        case createdAt = "created_at"
        case doneReason = "done_reason"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        createdAt = try container.decodeTimestamp(forKey: .createdAt)
        response = try container.decode(String.self, forKey: .response)
        done = try container.decode(Bool.self, forKey: .done)
        doneReason = try container.decodeIfPresent(String.self, forKey: .doneReason)
        context = try container.decodeIfPresent([Int].self, forKey: .context)
        metrics = try Metrics(from: decoder)
    }

    /// Encodes like Go: the metrics sit at the top level beside the other fields, absent ones omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeTimestamp(createdAt, forKey: .createdAt)
        try container.encode(response, forKey: .response)
        try container.encode(done, forKey: .done)
        try container.encodeIfPresent(doneReason, forKey: .doneReason)
        try container.encodeIfPresent(context, forKey: .context)
        try metrics.encode(to: encoder)
    }
}
