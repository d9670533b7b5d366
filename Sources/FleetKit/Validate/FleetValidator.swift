import OllamaKit
import ReadinessKit

/// Checks that each critical model answers: its first test prompt through `/api/generate`, the answer
/// non-empty and mentioning at least one expected keyword (matched as the quality score matches keywords).
///
/// The model answers with its own SYSTEM prompt (a prompt's `system` override is not sent): the point is to
/// check the model as built. `ValidateScript` runs the same checks with the `ollama` command.
package enum FleetValidator {
    /// The checks for `config`: each critical model's first test prompt, in readiness.json order.
    package static func checks(for config: ReadinessConfig) -> [ValidationCheck] {
        config.criticalModels.compactMap { model in
            model.prompts.first.map { ValidationCheck(model: model.name, prompt: $0.prompt, expect: $0.expect) }
        }
    }

    /// Runs `checks(for: config)` one at a time, so no model waits behind another in Ollama's queue.
    /// - Parameters:
    ///   - config: The fleet.
    ///   - client: The Ollama to ask.
    ///   - timeout: The limit per answer; the client's default when `nil`.
    /// - Returns: A result per critical model; a request that fails is that model's failure.
    package static func validate(
        _ config: ReadinessConfig, client: OllamaClient, timeout: Duration? = nil
    ) async -> FleetValidation {
        var results: [ModelValidation] = []
        for check in checks(for: config) {
            results.append(await validate(check, client: client, timeout: timeout))
        }
        return FleetValidation(results: results)
    }

    private static func validate(_ check: ValidationCheck, client: OllamaClient, timeout: Duration?) async -> ModelValidation {
        let answer: String
        do {
            answer = try await client.generate(GenerateRequest(model: check.model, prompt: check.prompt), timeout: timeout).response
        } catch {
            return ModelValidation(check: check, answer: nil, matched: [], failure: "no answer: \(error)")
        }
        let matched = QualityScorer.keywordsFound(in: answer, expect: check.expect)
        let failure: String? = if answer.allSatisfy(\.isWhitespace) {
            "the answer is empty"
        } else if !check.expect.isEmpty && matched.isEmpty {
            "the answer mentions none of " + check.expect.map { "'\($0)'" }.joined(separator: ", ")
        } else {
            nil
        }
        return ModelValidation(check: check, answer: answer, matched: matched, failure: failure)
    }
}
