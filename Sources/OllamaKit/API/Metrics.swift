/// The statistics Ollama adds to the final chunk of a generate or chat response (Go's embedded `api.Metrics`).
///
/// Ollama omits each field when it is zero, so `nil` means "zero or not reported"; durations are nanoseconds.
public struct Metrics: Codable, Sendable, Equatable {
    /// Time spent on the whole request, in nanoseconds.
    public var totalDuration: Int64?
    /// Time spent loading the model, in nanoseconds.
    public var loadDuration: Int64?
    /// Number of tokens in the prompt.
    public var promptEvalCount: Int?
    /// Time spent evaluating the prompt, in nanoseconds.
    public var promptEvalDuration: Int64?
    /// Number of tokens generated.
    public var evalCount: Int?
    /// Time spent generating, in nanoseconds.
    public var evalDuration: Int64?

    public init(
        totalDuration: Int64? = nil, loadDuration: Int64? = nil, promptEvalCount: Int? = nil,
        promptEvalDuration: Int64? = nil, evalCount: Int? = nil, evalDuration: Int64? = nil
    ) {
        self.totalDuration = totalDuration
        self.loadDuration = loadDuration
        self.promptEvalCount = promptEvalCount
        self.promptEvalDuration = promptEvalDuration
        self.evalCount = evalCount
        self.evalDuration = evalDuration
    }

    enum CodingKeys: String, CodingKey {
        case totalDuration = "total_duration"
        case loadDuration = "load_duration"
        case promptEvalCount = "prompt_eval_count"
        case promptEvalDuration = "prompt_eval_duration"
        case evalCount = "eval_count"
        case evalDuration = "eval_duration"
    }

    /// Generation speed as Ollama's docs define it: `eval_count / eval_duration * 10^9`; `nil` without both.
    public var tokensPerSecond: Double? {
        guard let evalCount, let evalDuration, evalDuration > 0 else { return nil }
        return Double(evalCount) / Double(evalDuration) * 1e9
    }
}
