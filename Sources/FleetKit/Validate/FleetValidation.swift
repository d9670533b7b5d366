/// One critical model's check: its first test prompt and the keywords the answer should mention.
package struct ValidationCheck: Sendable, Equatable {
    /// The model to ask.
    package var model: String
    /// What to ask it.
    package var prompt: String
    /// Any one of these (case-insensitive) makes the answer pass; none expected means any non-empty answer does.
    package var expect: [String]

    package init(model: String, prompt: String, expect: [String]) {
        self.model = model
        self.prompt = prompt
        self.expect = expect
    }
}

/// The outcome of `FleetValidator.validate`: one result per critical model.
package struct FleetValidation: Sendable, Equatable {
    /// The critical models' results, in readiness.json order.
    package var results: [ModelValidation]

    package init(results: [ModelValidation]) {
        self.results = results
    }

    /// Whether every critical model passed.
    package var passed: Bool { results.allSatisfy(\.passed) }
}

/// How one critical model answered its check.
package struct ModelValidation: Sendable, Equatable {
    /// What was asked.
    package var check: ValidationCheck
    /// The answer, when the model gave one.
    package var answer: String?
    /// The expected keywords the answer mentions.
    package var matched: [String]
    /// Why it failed: no answer (and Ollama's reason), an empty answer, or no expected keyword; `nil` when it passed.
    package var failure: String?

    package init(check: ValidationCheck, answer: String?, matched: [String], failure: String?) {
        self.check = check
        self.answer = answer
        self.matched = matched
        self.failure = failure
    }

    /// Whether the answer was non-empty and mentioned an expected keyword.
    package var passed: Bool { failure == nil }
}
