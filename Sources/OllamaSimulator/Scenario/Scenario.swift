import OllamaKit

/// What an `ollama-sim` server holds and how its models behave, read from a JSON scenario file.
package struct Scenario: Sendable, Equatable {
    /// The version `/api/version` reports.
    package var version: String
    /// Generations each loaded model serves at once, like `OLLAMA_NUM_PARALLEL`; further requests wait in arrival order.
    package var numParallel: Int
    /// Models loaded at once, like `OLLAMA_MAX_LOADED_MODELS`; the least recently used idle one is evicted to
    /// load another. `nil` (the default) sets no limit.
    package var maxLoadedModels: Int?
    /// Makes random choices (latency ranges, fault rates) reproducible.
    package var seed: UInt64
    /// The models the scenario knows, installed or not.
    package var models: [Model]
    /// Models not installed that `/api/pull` can download; pulling installs them as they are described.
    package var registry: [Model]

    package init(version: String = "0.12.6", numParallel: Int = 1, maxLoadedModels: Int? = nil, seed: UInt64 = 0, models: [Model], registry: [Model] = []) {
        self.version = version
        self.numParallel = numParallel
        self.maxLoadedModels = maxLoadedModels
        self.seed = seed
        self.models = models
        self.registry = registry
    }

    /// One model: its metadata, its Modelfile and its behaviour.
    package struct Model: Sendable, Equatable {
        /// The name, e.g. "llama3.2:3b" or "louisville_expert_v3" (":latest" implied).
        package var name: String
        /// `false` for a model the scenario describes but that only exists once `/api/create` builds it.
        package var installed: Bool
        /// The architecture family, e.g. "llama".
        package var family: String
        /// The parameter count as Ollama prints it, e.g. "3.2B".
        package var parameterSize: String
        /// The quantization, e.g. "Q4_K_M".
        package var quantizationLevel: String
        /// Size on disk in bytes.
        package var sizeBytes: Int64
        /// The manifest digest (64 hex digits); derived from the name when absent.
        package var digest: String?
        /// The Modelfile the model was built from.
        package var modelfile: ModelfileFields
        /// How the model answers.
        package var behaviour: Behaviour

        package init(
            name: String, installed: Bool = true, family: String = "llama", parameterSize: String = "3.2B",
            quantizationLevel: String = "Q4_K_M", sizeBytes: Int64 = 2_019_393_189, digest: String? = nil,
            modelfile: ModelfileFields = ModelfileFields(), behaviour: Behaviour = Behaviour()
        ) {
            self.name = name
            self.installed = installed
            self.family = family
            self.parameterSize = parameterSize
            self.quantizationLevel = quantizationLevel
            self.sizeBytes = sizeBytes
            self.digest = digest
            self.modelfile = modelfile
            self.behaviour = behaviour
        }
    }

    /// The Modelfile commands `/api/show` reports.
    package struct ModelfileFields: Sendable, Equatable {
        /// The FROM model, e.g. "llama3.2:3b".
        package var from: String?
        /// The SYSTEM message.
        package var system: String?
        /// The TEMPLATE.
        package var template: String?
        /// PARAMETER values: numbers, strings, booleans, or arrays of them for repeated ones such as `stop`.
        package var parameters: [String: JSONValue]
        /// The LICENSE text.
        package var license: String?

        package init(
            from: String? = nil, system: String? = nil, template: String? = nil,
            parameters: [String: JSONValue] = [:], license: String? = nil
        ) {
            self.from = from
            self.system = system
            self.template = template
            self.parameters = parameters
            self.license = license
        }
    }

    /// How a model answers generate and chat requests.
    package struct Behaviour: Sendable, Equatable {
        /// Replies chosen by the prompt; the first rule whose text the prompt contains wins.
        package var replies: [ReplyRule]
        /// The reply when no rule matches.
        package var defaultReply: String
        /// Time from the start of generation to the first token (prompt evaluation).
        package var latency: Latency
        /// Streaming speed; `nil` sends all tokens at once.
        package var tokensPerSecond: Double?
        /// Time to load the model when it is not loaded yet.
        package var loadDuration: Double
        /// Failures, tried in order; the first whose rate fires decides the answer.
        package var faults: [Fault]
        /// A slowdown that sets in after a number of requests; `nil`: the model keeps its speed.
        package var degradation: Degradation?

        package init(
            replies: [ReplyRule] = [], defaultReply: String = "I am a simulated model and have no answer for that.",
            latency: Latency = .fixed(0), tokensPerSecond: Double? = nil, loadDuration: Double = 0, faults: [Fault] = [],
            degradation: Degradation? = nil
        ) {
            self.replies = replies
            self.defaultReply = defaultReply
            self.latency = latency
            self.tokensPerSecond = tokensPerSecond
            self.loadDuration = loadDuration
            self.faults = faults
            self.degradation = degradation
        }
    }

    /// A model that slows down once it has served a number of requests, as one does after a bad migration or
    /// under memory pressure: from request `afterRequests + 1` on, its first token comes `latencyFactor` times
    /// as late, and the end of its answer is held so that the whole answer takes `latencyFactor` times as long
    /// as it would have (measured on the tokens as sent, so per-token overhead is slowed too).
    ///
    /// Requests are the model's generate and chat requests with a prompt or messages, counted from the
    /// simulator's start whatever their prompt; warm-ups (a request without a prompt) and unloads do not count.
    package struct Degradation: Sendable, Equatable {
        /// How many requests the model answers at its normal speed (0: slow from the first).
        package var afterRequests: Int
        /// How many times longer its latency and token interval become (more than 1, e.g. 2 for twice as slow).
        package var latencyFactor: Double

        package init(afterRequests: Int, latencyFactor: Double) {
            self.afterRequests = afterRequests
            self.latencyFactor = latencyFactor
        }
    }

    /// A reply used when the prompt contains a text (case-insensitively).
    package struct ReplyRule: Sendable, Equatable {
        /// The text to look for in the prompt (the last user message of a chat).
        package var whenPromptContains: String
        /// The answer.
        package var reply: String

        package init(whenPromptContains: String, reply: String) {
            self.whenPromptContains = whenPromptContains
            self.reply = reply
        }
    }

    /// A duration in seconds: fixed, or drawn uniformly from a range with the scenario's seed.
    package enum Latency: Sendable, Equatable {
        /// Always this many seconds.
        case fixed(Double)
        /// Between `min` and `max` seconds.
        case range(min: Double, max: Double)
    }

    /// A way a model fails, with how often it does.
    package struct Fault: Sendable, Equatable {
        /// What goes wrong.
        package var kind: Kind
        /// The fraction of requests it happens to (0...1).
        package var rate: Double
        /// For `.error`: the HTTP status (default 500).
        package var status: Int
        /// For `.error`: the text of `{"error": …}`.
        package var message: String
        /// For `.truncateStream`: tokens sent before the connection is cut (default: half the reply).
        package var afterTokens: Int?

        package init(kind: Kind, rate: Double = 1, status: Int = 500, message: String = Fault.defaultMessage, afterTokens: Int? = nil) {
            self.kind = kind
            self.rate = rate
            self.status = status
            self.message = message
            self.afterTokens = afterTokens
        }

        /// What Ollama says when its model runner dies.
        package static let defaultMessage = "llama runner process has terminated: exit status 2"

        /// The kinds of failure the simulator can act out.
        package enum Kind: String, Sendable, Equatable, CaseIterable {
            /// Answer `status` with `{"error": message}` before any output.
            case error
            /// Never answer; hold the connection until the client gives up.
            case hang
            /// Stream part of the answer, then close the connection without the final `done` object.
            case truncateStream
        }
    }
}

// Encoding is synthesized; decoding is strict and reads the StrictJSON tree (Scenario+Decoding.swift), where
// these CodingKeys are also the keys each object allows.
extension Scenario: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case version, numParallel, maxLoadedModels, seed, models, registry }
}

extension Scenario.Model: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, installed, family, parameterSize, quantizationLevel, sizeBytes, digest, modelfile, behaviour
    }
}

extension Scenario.ModelfileFields: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case from, system, template, parameters, license }
}

extension Scenario.Behaviour: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case replies, defaultReply, latency, tokensPerSecond, loadDuration, faults, degradation
    }
}

extension Scenario.Degradation: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case afterRequests, latencyFactor }
}

extension Scenario.ReplyRule: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case whenPromptContains, reply }
}

extension Scenario.Latency: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case min, max }

    /// Seconds as a bare number, a range as `{"min": …, "max": …}`.
    package func encode(to encoder: any Encoder) throws {
        switch self {
        case .fixed(let seconds):
            var container = encoder.singleValueContainer()
            try container.encode(seconds)
        case .range(let min, let max):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(min, forKey: .min)
            try container.encode(max, forKey: .max)
        }
    }
}

extension Scenario.Fault: Encodable {
    enum CodingKeys: String, CodingKey, CaseIterable { case kind, rate, status, message, afterTokens }
}

extension Scenario.Fault.Kind: Encodable {}
