/// Evaluates the readiness criteria of one configuration: each catalog criterion's evaluation gathers the
/// evidence it needs (from Ollama through `OllamaEvidence`, or from the file system through the probes) and
/// hands it to its evaluator.
///
/// Nothing here throws: a criterion that cannot be decided (Ollama unreachable, a probe that fails, a criterion
/// with no evaluation) comes back as a failed result saying why, so every path ends in "not ready", never in a
/// pass or a crash.
public struct Checklist: Sendable {
    public let config: ReadinessConfig
    /// The memoized answers of the Ollama the config names.
    public let evidence: OllamaEvidence

    public init(config: ReadinessConfig, evidence: OllamaEvidence) {
        self.config = config
        self.evidence = evidence
    }

    /// The results of `criterion`: one per critical model for a per-model criterion, else one.
    public func evaluate(_ criterion: Criterion) async -> [CriterionResult] {
        guard criterion.isPerModel else { return [await evaluate(criterion, model: nil)] }
        var results: [CriterionResult] = []
        for model in config.criticalModels {
            results.append(await evaluate(criterion, model: model.name))
        }
        return results
    }

    /// The result of `criterion` for `model` (ignored by fleet-wide criteria, required by per-model ones); a
    /// criterion outside the catalog has no evaluation here and fails.
    public func evaluate(_ criterion: Criterion, model name: String?) async -> CriterionResult {
        let model = criterion.isPerModel ? name : nil
        var result: CriterionResult
        let retries = RetryTally()
        do {
            result = try await RetryTally.$current.withValue(retries) {
                switch criterion.evaluation {
                case .fleet(let evaluate):
                    try await evaluate(self)
                case .perModel(let evaluate):
                    try await evaluate(self, try self.model(name, criterion))
                case nil:
                    throw CriterionError.noEvaluation(criterion.id)
                }
            }
        } catch {
            result = criterion.failure(model: model, error)
        }
        retries.annotate(&result)
        // readiness.json may set a criterion's severity (e.g. backup-scripts recommended until scripts exist).
        result.severity = config.severity(of: criterion)
        return result
    }

    private func model(_ name: String?, _ criterion: Criterion) throws -> ReadinessConfig.Model {
        guard let name else { throw CriterionError.modelRequired(criterion.id) }
        guard let model = config.model(named: name) else { throw CriterionError.unknownModel(name) }
        return model
    }
}
