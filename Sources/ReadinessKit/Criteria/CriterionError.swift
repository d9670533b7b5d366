/// Why a criterion could not be decided at all, as opposed to being measured and falling short.
///
/// A criterion that cannot be decided fails (fail closed) with this as its message.
package struct CriterionError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case ollamaUnreachable(host: String)
        case ollamaFailed(request: String, detail: String)
        case unknownModel(String)
        case modelRequired(criterion: String)
        case noEvaluation(criterion: String)
    }

    private let code: Code

    /// Ollama does not answer at `host` (connection refused, no route, or no answer within the connect timeout).
    package static func ollamaUnreachable(host: String) -> CriterionError {
        CriterionError(code: .ollamaUnreachable(host: host))
    }

    /// Ollama answered `request` (e.g. "GET /api/tags") with an error or something unreadable.
    package static func ollamaFailed(_ request: String, detail: String) -> CriterionError {
        CriterionError(code: .ollamaFailed(request: request, detail: detail))
    }

    /// A criterion was asked about a model that readiness.json does not list.
    package static func unknownModel(_ name: String) -> CriterionError {
        CriterionError(code: .unknownModel(name))
    }

    /// A per-model criterion was evaluated without naming the model.
    package static func modelRequired(_ criterion: String) -> CriterionError {
        CriterionError(code: .modelRequired(criterion: criterion))
    }

    /// A criterion the checklist was asked to decide that has no evaluation: one of your own, not the catalog's.
    package static func noEvaluation(_ criterion: String) -> CriterionError {
        CriterionError(code: .noEvaluation(criterion: criterion))
    }

    /// The command that fixes it, when there is one.
    package var action: String? {
        switch code {
        case .ollamaUnreachable: "ollama serve"
        case .ollamaFailed, .unknownModel, .modelRequired, .noEvaluation: nil
        }
    }

    package var description: String {
        switch code {
        case .ollamaUnreachable(let host):
            "Ollama is not reachable at \(host): start it with 'ollama serve', or fix the address (--ollama, OLLAMA_HOST, or ollama.host / ollama.hosts in readiness.json)"
        case .ollamaFailed(let request, let detail):
            "Ollama failed \(request): \(detail)"
        case .unknownModel(let name):
            "'\(name)' is not a model in readiness.json: add it to models[] or fix the name"
        case .modelRequired(let criterion):
            "\(criterion) is decided per model: name the model to evaluate"
        case .noEvaluation(let criterion):
            "'\(criterion)' is not a catalog criterion, so it has no evaluation: decide it in ReadinessFixture.check(criterion) { checklist in … }"
        }
    }
}
