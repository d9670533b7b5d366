import Foundation

/// Evaluates the readiness criteria of one configuration: gathers the evidence each needs (from Ollama through
/// `OllamaEvidence`, or from the file system through the probes) and hands it to the criterion's evaluator.
///
/// Nothing here throws: a criterion that cannot be decided (Ollama unreachable, a probe that fails) comes back
/// as a failed result saying why, so every path ends in "not ready", never in a pass or a crash.
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

    /// The result of `criterion` for `model` (ignored by fleet-wide criteria, required by per-model ones).
    public func evaluate(_ criterion: Criterion, model name: String?) async -> CriterionResult {
        let model = criterion.isPerModel ? name : nil
        do {
            return try await decide(criterion, model: model)
        } catch {
            return criterion.failure(model: model, error)
        }
    }

    private func decide(_ criterion: Criterion, model name: String?) async throws -> CriterionResult {
        let thresholds = config.thresholds
        switch criterion {
        case .modelsAvailable:
            return AvailabilityEvaluator.evaluate(try model(name, criterion), installed: try await evidence.installedModels())
        case .modelsRespond:
            let model = try model(name, criterion)
            return FunctionalityEvaluator.evaluate(model, outcomes: try await evidence.performance().queries(for: model.name))
        case .successRate:
            return PerformanceEvaluator.successRate(try await evidence.performance(), threshold: thresholds.successRate)
        case .responseTime:
            let model = try model(name, criterion)
            let outcomes = try await evidence.performance().queries(for: model.name)
            return PerformanceEvaluator.responseTime(model, outcomes: outcomes, threshold: thresholds.averageResponseSeconds)
        case .quality:
            let model = try model(name, criterion)
            return PerformanceEvaluator.quality(model, outcomes: try await evidence.performance().queries(for: model.name), threshold: thresholds.quality)
        case .configs:
            let model = try model(name, criterion)
            let deployed = try await evidence.show(model.name).map {
                ConfigEvaluator.Deployed(modelfile: $0.modelfile, parameters: $0.parameters, system: $0.system)
            }
            return ConfigEvaluator.evaluate(model, deployed: deployed)
        case .ollamaService:
            let version = try await evidence.version()
            return SystemHealthEvaluator.service(version: version, minimumVersion: config.ollama.minimumVersion, host: config.ollama.host.absoluteString)
        case .backupScripts:
            var checks: [ScriptCheck] = []
            for script in config.backup?.scripts ?? [] { checks.append(await ScriptProbe.check(script)) }
            return ScriptEvaluator.backup(checks)
        case .migrationScripts:
            var scripts: [(check: ScriptCheck, dryRun: ScriptRun?)] = []
            for script in config.migration?.scripts ?? [] {
                let check = await ScriptProbe.check(script.path)
                var dryRun: ScriptRun?
                // A dry run of a script that is missing or broken would only repeat the check's complaint.
                if check.passed, let arguments = script.dryRun {
                    dryRun = await ScriptProbe.run(script.path, arguments: arguments, timeout: Self.dryRunTimeout)
                }
                scripts.append((check, dryRun))
            }
            return ScriptEvaluator.migration(scripts)
        case .diskSpace:
            return SystemHealthEvaluator.disk(try DiskProbe.measure(config.ollama.modelsPath), threshold: thresholds.diskUsedFraction)
        case .docs:
            return DocumentationEvaluator.evaluate(config.documentation.map {
                DocumentationProbe.check($0.path, describedModelfiles: config.modelfiles(describedBy: $0))
            })
        default:
            throw CriterionError.unknownCriterion(criterion.id)
        }
    }

    /// How long a migration script's dry run may take; a dry run only prints its plan.
    static let dryRunTimeout: Duration = .seconds(60)

    private func model(_ name: String?, _ criterion: Criterion) throws -> ReadinessConfig.Model {
        guard let name else { throw CriterionError.modelRequired(criterion.id) }
        guard let model = config.model(named: name) else { throw CriterionError.unknownModel(name) }
        return model
    }
}
