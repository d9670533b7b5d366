import Foundation

/// The body of `POST /api/chat` (Go's `api.ChatRequest`).
public struct ChatRequest: Codable, Sendable, Equatable {
    /// The model name.
    public var model: String
    /// The conversation so far; empty only loads the model.
    public var messages: [Message]
    /// Tool definitions (`{"type": "function", "function": {...}}`), kept as free-form JSON.
    public var tools: [JSONValue]?
    /// `false` asks for one JSON object; absent or `true` asks for an NDJSON stream.
    public var stream: Bool?
    /// `"json"` or a JSON schema the answer must follow.
    public var format: JSONValue?
    /// How long the model stays loaded after this request.
    public var keepAlive: KeepAlive?
    /// Modelfile parameters for this request.
    public var options: [String: JSONValue]?

    public init(
        model: String, messages: [Message], tools: [JSONValue]? = nil, stream: Bool? = nil,
        format: JSONValue? = nil, keepAlive: KeepAlive? = nil, options: [String: JSONValue]? = nil
    ) {
        self.model = model
        self.messages = messages
        self.tools = tools
        self.stream = stream
        self.format = format
        self.keepAlive = keepAlive
        self.options = options
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, tools, stream, format, options
        case keepAlive = "keep_alive"
    }

    /// Decodes like Go: a missing `model` is "" and missing `messages` is empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decodeIfPresent(String.self, forKey: .model) ?? ""
        messages = try container.decodeIfPresent([Message].self, forKey: .messages) ?? []
        tools = try container.decodeIfPresent([JSONValue].self, forKey: .tools)
        stream = try container.decodeIfPresent(Bool.self, forKey: .stream)
        format = try container.decodeIfPresent(JSONValue.self, forKey: .format)
        keepAlive = try container.decodeIfPresent(KeepAlive.self, forKey: .keepAlive)
        options = try container.decodeIfPresent([String: JSONValue].self, forKey: .options)
    }
}

/// One message of a chat (Go's `api.Message`).
public struct Message: Codable, Sendable, Equatable {
    /// "system", "user", "assistant" or "tool" (Ollama lowercases it).
    public var role: String
    /// The text of the message.
    public var content: String
    /// Base64-encoded images for multimodal models.
    public var images: [String]?
    /// Tools the model asks to call.
    public var toolCalls: [ToolCall]?

    public init(role: String, content: String, images: [String]? = nil, toolCalls: [ToolCall]? = nil) {
        self.role = role
        self.content = content
        self.images = images
        self.toolCalls = toolCalls
    }

    /// A system message.
    public static func system(_ content: String) -> Message { Message(role: "system", content: content) }
    /// A user message.
    public static func user(_ content: String) -> Message { Message(role: "user", content: content) }
    /// An assistant message.
    public static func assistant(_ content: String) -> Message { Message(role: "assistant", content: content) }

    enum CodingKeys: String, CodingKey {
        case role, content, images
        case toolCalls = "tool_calls"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        role = try container.decode(String.self, forKey: .role).lowercased()
        content = try container.decodeIfPresent(String.self, forKey: .content) ?? ""
        images = try container.decodeIfPresent([String].self, forKey: .images)
        toolCalls = try container.decodeIfPresent([ToolCall].self, forKey: .toolCalls)
    }
}

/// A tool call the model asks for (Go's `api.ToolCall`).
public struct ToolCall: Codable, Sendable, Equatable {
    /// The function to call and its arguments.
    public var function: Function

    public init(function: Function) {
        self.function = function
    }

    /// The called function (Go's `api.ToolCallFunction`).
    public struct Function: Codable, Sendable, Equatable {
        /// The position of this call among parallel calls.
        public var index: Int?
        /// The function name.
        public var name: String
        /// The arguments as a JSON object.
        public var arguments: [String: JSONValue]

        public init(index: Int? = nil, name: String, arguments: [String: JSONValue]) {
            self.index = index
            self.name = name
            self.arguments = arguments
        }
    }
}

/// One object of a `/api/chat` answer: a chunk of a stream, or the whole answer when `stream` is false.
public struct ChatResponse: Codable, Sendable, Equatable {
    /// The model that answered.
    public var model: String
    /// When Ollama produced this object.
    public var createdAt: Date
    /// The assistant's message (a piece of it when streamed). Ollama leaves it out of some final chunks.
    public var message: Message?
    /// `true` on the final object, which carries the metrics.
    public var done: Bool
    /// Why generation stopped: "stop", "length", "load", "unload".
    public var doneReason: String?
    /// Timing and token counts (final object only).
    public var metrics: Metrics

    public init(
        model: String, createdAt: Date, message: Message?, done: Bool, doneReason: String? = nil,
        metrics: Metrics = Metrics()
    ) {
        self.model = model
        self.createdAt = createdAt
        self.message = message
        self.done = done
        self.doneReason = doneReason
        self.metrics = metrics
    }

    enum CodingKeys: String, CodingKey {
        case model, message, done
        case createdAt = "created_at"
        case doneReason = "done_reason"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        createdAt = try container.decodeTimestamp(forKey: .createdAt)
        message = try container.decodeIfPresent(Message.self, forKey: .message)
        done = try container.decode(Bool.self, forKey: .done)
        doneReason = try container.decodeIfPresent(String.self, forKey: .doneReason)
        metrics = try Metrics(from: decoder)
    }

    /// Encodes like Go: the metrics sit at the top level beside the other fields, absent ones omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encodeTimestamp(createdAt, forKey: .createdAt)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encode(done, forKey: .done)
        try container.encodeIfPresent(doneReason, forKey: .doneReason)
        try metrics.encode(to: encoder)
    }
}
