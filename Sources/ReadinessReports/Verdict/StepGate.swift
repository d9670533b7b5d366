import ReadinessKit
import Foundation
import OllamaKit

/// One step of the conservative migration: the first N models in migration order must pass availability,
/// functionality and performance, and each must have a verified backup, before the step may go ahead.
package struct StepGate: Sendable, Equatable {
    /// The areas whose per-model results a migrating model must pass.
    package static let areas: [CriterionResult.Area] = [.availability, .functionality, .performance]

    package var step: Int
    /// The models migrated once this step is done, in migration order.
    package var models: [String]
    package var outcome: Verdict.Outcome
    /// One sentence saying whether the step may go and why.
    package var summary: String
    /// What blocks the step (known failures) or keeps it undecided (missing evidence).
    package var blockers: [String]
    /// What to do next.
    package var actions: [String]

    /// Decides step `step` from a report, the config and the backups on disk. It verifies rather than assumes:
    /// the report must be decided, of this config (fingerprint), newer than readiness.json and the Modelfiles,
    /// and hold a result of every critical availability, functionality and performance criterion for every
    /// model of the step.
    /// - Parameters:
    ///   - step: How many models are migrated after this step (1 or more).
    ///   - config: The fleet and its migration order, and `backup.directory`.
    ///   - report: The last readiness run.
    ///   - backups: The verified backups under `backup.directory` (`backupFiles(in:)`).
    package static func decide(step: Int, config: ReadinessConfig, report: ReadinessReport, backups: Backups) -> StepGate {
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

        for gap in provenanceGaps(config: config, report: report) {
            gaps.append(gap)
            act("Run 'readiness check' with this readiness.json, then decide the step again.")
        }
        for problem in report.problems where ![.config, .criterionMissing, .resultMissing].contains(problem.kind) {
            gaps.append("the last run is incomplete: \(problem.message)")
            act(problem.action)
        }
        let needed = needed(config: config, report: report)
        // A report that lacks a built-in criterion of these areas altogether (another gate's run) decides nothing.
        let present = Set(needed.map(\.id))
        for criterion in Criterion.all where criterion.isPerModel && areas.contains(criterion.area) && !present.contains(criterion.id) {
            gaps.append("'\(criterion.id)' is not in the last report")
            act("Run 'readiness check' with the default gate (or one that includes \(criterion.id)), then decide the step again.")
        }
        for criterion in needed {
            switch criterion.status {
            case .missing where criterion.rows.isEmpty:
                gaps.append("'\(criterion.id)' did not run in the last run (filtered out or crashed)")
                act("Run 'readiness check' without --filter/--skip so every criterion runs.")
                continue
            case .skipped:
                failures.append("'\(criterion.id)' was skipped in the last run: \(criterion.message)")
                continue
            default: break
            }
            // A test can fail while every result passed (e.g. an extra #expect); such a failure cannot be
            // attributed to one model, so it blocks every step.
            if criterion.rows.allSatisfy(\.passed), let failure = criterion.testFailures.first {
                failures.append("the test of \(criterion.id) failed: \(failure)")
            }
            for model in models {
                let rows = criterion.rows.filter { $0.model.map { ModelName.matches($0, model) } ?? false }
                if rows.isEmpty {
                    gaps.append("no result of '\(criterion.id)' for \(model) in the last run")
                    act("Run 'readiness check' with this readiness.json so every model is measured.")
                } else if report.ollama.hosts != nil {
                    for host in actingHosts(of: model, config: config) where !rows.contains(where: { $0.host.map { $0 == host } ?? true }) {
                        gaps.append("no result of '\(criterion.id)' for \(model) on \(host) in the last run")
                        act("Run 'readiness check' with this readiness.json so every model is measured.")
                    }
                }
                for row in rows where !row.passed {
                    failures.append("\(model) fails \(criterion.id): \(row.message)")
                    row.actions.forEach(act)
                }
            }
        }
        if let directory = config.backup?.directory {
            for model in models where !backups.canRestore(model) {
                let why = backups.rejection(of: model)
                    ?? "no \(BackupManifest.fileName) under \(ModelActions.displayPath(directory)) lists it"
                failures.append("no backup of \(model): \(why)")
                act(ModelActions.backup(model, config: config.file))
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
}
