/// One critical model's check: its first test prompt and the keywords the answer should mention.
public struct ValidationCheck: Sendable, Equatable {
    /// The model to ask.
    public var model: String
    /// What to ask it.
    public var prompt: String
    /// Any one of these (case-insensitive) makes the answer pass; none expected means any non-empty answer does.
    public var expect: [String]

    public init(model: String, prompt: String, expect: [String]) {
        self.model = model
        self.prompt = prompt
        self.expect = expect
    }
}

/// The outcome of `FleetValidator.validate`: one result per critical model.
public struct FleetValidation: Sendable, Equatable {
    /// The critical models' results, in readiness.json order.
    public var results: [ModelValidation]

    public init(results: [ModelValidation]) {
        self.results = results
    }

    /// Whether every critical model passed.
    public var passed: Bool { results.allSatisfy(\.passed) }
}

/// How one critical model answered its check.
public struct ModelValidation: Sendable, Equatable {
    /// What was asked.
    public var check: ValidationCheck
    /// The answer, when the model gave one.
    public var answer: String?
    /// The expected keywords the answer mentions.
    public var matched: [String]
    /// Why it failed: no answer (and Ollama's reason), an empty answer, or no expected keyword; `nil` when it passed.
    public var failure: String?

    public init(check: ValidationCheck, answer: String?, matched: [String], failure: String?) {
        self.check = check
        self.answer = answer
        self.matched = matched
        self.failure = failure
    }

    /// Whether the answer was non-empty and mentioned an expected keyword.
    public var passed: Bool { failure == nil }
}
