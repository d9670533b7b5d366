/// What one generation will do: its reply split into tokens, its delay, and whether a fault strikes.
///
/// Draws come from a generator seeded by the scenario seed, the model, the prompt and how often that prompt
/// was asked before, so a run gives the same answers and faults however concurrent requests interleave.
struct GenerationPlan: Equatable {
    /// How the generation ends.
    enum Outcome: Equatable {
        /// Every token, then the final `done` object.
        case answer
        /// An HTTP error before any output.
        case fail(status: Int, message: String)
        /// No answer until the client gives up.
        case hang
        /// This many tokens, then the connection closes without the final object.
        case truncate(afterTokens: Int)
    }

    var outcome: Outcome
    /// The reply in the pieces a stream sends: each word with the spaces before it.
    var tokens: [String]
    /// Seconds before the first token.
    var latency: Double
    /// Tokens counted for the prompt (`prompt_eval_count`).
    var promptTokens: Int
    /// How many times longer than the behaviour's the whole answer takes: its `degradation.latencyFactor` once
    /// the model has answered `afterRequests` requests, else 1. `latency` is already multiplied by it; the
    /// simulator holds the end of the answer for the rest (`SimulatorService.produce`).
    var slowdown: Double

    /// The plan for `prompt` asked of a model with `behaviour`.
    /// - Parameters:
    ///   - occurrence: How many times the model was asked this prompt before.
    ///   - request: How many requests with a prompt the model was asked before, whatever the prompt.
    init(behaviour: Scenario.Behaviour, seed: UInt64, model: String, prompt: String, system: String?, occurrence: Int, request: Int = 0) {
        var random = SeededRandom(seed: StableHash.fnv1a("\(seed)|\(model)|\(occurrence)|\(prompt)"))
        let lowered = prompt.lowercased()
        let reply = behaviour.replies.first { lowered.contains($0.whenPromptContains.lowercased()) }?.reply
            ?? behaviour.defaultReply
        tokens = Self.tokenize(reply)
        promptTokens = max(1, Self.tokenize((system.map { $0 + " " } ?? "") + prompt).count)
        switch behaviour.latency {
        case .fixed(let seconds): latency = seconds
        case .range(let min, let max): latency = min + (max - min) * random.unit()
        }
        slowdown = 1
        if let degradation = behaviour.degradation, request >= degradation.afterRequests {
            slowdown = degradation.latencyFactor
            latency *= slowdown
        }
        outcome = .answer
        for fault in behaviour.faults where random.unit() < fault.rate {
            switch fault.kind {
            case .error: outcome = .fail(status: fault.status, message: fault.message)
            case .hang: outcome = .hang
            case .truncateStream: outcome = .truncate(afterTokens: min(fault.afterTokens ?? tokens.count / 2, tokens.count))
            }
            break
        }
    }

    /// Splits text into words, each keeping the whitespace before it, so the pieces join back to the text.
    static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inWord = false
        for character in text {
            if character.isWhitespace, inWord {
                tokens.append(current)
                current = ""
                inWord = false
            }
            if !character.isWhitespace { inWord = true }
            current.append(character)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// Token ids standing in for Ollama's `context`: stable numbers for the prompt and reply pieces.
    static func contextTokens(_ pieces: [String]) -> [Int] {
        pieces.map { Int(StableHash.fnv1a($0) % 128_000) }
    }
}
