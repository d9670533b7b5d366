import Foundation

/// One step of the conservative migration: the first N models in migration order must pass availability,
/// functionality and performance, and each must have a Modelfile backup, before the step may go ahead.
public struct StepGate: Sendable, Equatable {
    /// The areas whose per-model results a migrating model must pass.
    public static let areas: [CriterionResult.Area] = [.availability, .functionality, .performance]

    public var step: Int
    /// The models migrated once this step is done, in migration order.
    public var models: [String]
    public var outcome: Verdict.Outcome
    /// One sentence saying whether the step may go and why.
    public var summary: String
    /// What blocks the step (known failures) or keeps it undecided (missing evidence).
    public var blockers: [String]
    /// What to do next.
    public var actions: [String]

    /// Decides step `step` from a report, the config and the backups on disk.
    /// - Parameters:
    ///   - step: How many models are migrated after this step (1 or more).
    ///   - config: The fleet and its migration order, and `backup.directory`.
    ///   - report: The last readiness run.
    ///   - backups: File names found under `backup.directory` (any depth).
    public static func decide(step: Int, config: ReadinessConfig, report: ReadinessReport, backups: Set<String>) -> StepGate {
        let order = config.modelsInMigrationOrder
        guard step <= order.count else {
            let problem = "step \(step) is beyond the \(order.count) models of the migration order in \(config.file.relativePath)"
            return StepGate(
                step: step, models: [], outcome: .undecided, summary: "Step \(step) cannot be decided: \(problem).",
                blockers: [problem], actions: ["Pass --step between 1 and \(order.count)."]
            )
        }
        let models = order.prefix(step).map(\.name)
        var failures: [String] = [], gaps: [String] = [], actions: [String] = []
        func act(_ action: String) { if !actions.contains(action) { actions.append(action) } }

        for problem in report.problems where ![.config, .criterionMissing].contains(problem.kind) {
            gaps.append("the last run is incomplete: \(problem.message)")
            act(problem.action)
        }
        for model in models {
            for area in areas {
                var measured = false
                for criterion in report.criteria where criterion.area == area {
                    let rows = criterion.rows.filter { $0.model.flatMap { config.model(named: $0)?.name } == model }
                    guard !rows.isEmpty else { continue }
                    measured = true
                    for row in rows where !row.passed {
                        failures.append("\(model) fails \(criterion.id): \(row.message)")
                        row.actions.forEach(act)
                    }
                    // A test can fail while every result passed (e.g. an extra #expect); such a failure cannot be
                    // attributed to one model, so it blocks every step.
                    if criterion.rows.allSatisfy(\.passed), let failure = criterion.testFailures.first {
                        failures.append("the test of \(criterion.id) failed: \(failure)")
                    }
                }
                if !measured {
                    gaps.append("no \(area.rawValue) result for \(model) in the last run")
                    act("Run 'readiness check' with this readiness.json so every model is measured.")
                }
            }
        }
        if let directory = config.backup?.directory {
            for model in models where !backups.contains("\(model).Modelfile") {
                failures.append("no backup of \(model): \(ModelActions.displayPath(directory))/\(model).Modelfile does not exist")
                act("ollama show \(model) --modelfile > \(ModelActions.displayPath(directory))/\(model).Modelfile")
            }
        } else {
            gaps.append("\(config.file.relativePath) has no backup.directory, so backups cannot be checked")
            act("Add \"backup\": {\"directory\": …} to \(config.file.relativePath).")
        }

        var unique: [String] = []
        for failure in failures where !unique.contains(failure) { unique.append(failure) }
        let outcome: Verdict.Outcome = !unique.isEmpty ? .notReady : gaps.isEmpty ? .ready : .undecided
        let last = models[models.count - 1]
        let summary: String
        switch outcome {
        case .ready:
            summary = "Step \(step) may go: \(models.joined(separator: ", ")) pass availability, functionality and performance and are backed up."
            act(step < order.count
                ? "Migrate \(last), then run 'readiness gate --step \(step + 1)' after the next check."
                : "Migrate \(last): it is the last model of the migration order.")
        case .notReady:
            summary = "Step \(step) is blocked: \(unique.count) \(unique.count == 1 ? "problem" : "problems") with \(models.joined(separator: ", "))."
        case .undecided:
            summary = "Step \(step) cannot be decided: \(gaps[0])."
        }
        return StepGate(step: step, models: models, outcome: outcome, summary: summary, blockers: unique + gaps, actions: actions)
    }

    /// The file names under `directory`, at any depth; empty when it does not exist.
    public static func backupFiles(in directory: URL) -> Set<String> {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var names = Set<String>()
        for case let url as URL in walker { names.insert(url.lastPathComponent) }
        return names
    }
}
