extension Criterion {
    /// How `Checklist` decides a catalog criterion: which evidence it gathers and which evaluator judges it.
    ///
    /// Evaluations throw when the evidence cannot be had (Ollama unreachable, a probe that fails); the checklist
    /// turns the error into a failed result, so a criterion that cannot be decided never passes.
    enum Evaluation: Sendable {
        /// One result for the whole fleet.
        case fleet(@Sendable (Checklist) async throws -> CriterionResult)
        /// One result per critical model; the checklist looks the model up in readiness.json first.
        case perModel(@Sendable (Checklist, ReadinessConfig.Model) async throws -> CriterionResult)

        var isPerModel: Bool {
            if case .perModel = self { true } else { false }
        }
    }
}
