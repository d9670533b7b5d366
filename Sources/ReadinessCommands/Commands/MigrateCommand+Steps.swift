import FleetKit
import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

extension MigrateCommand {
    /// `next`: backs up the step's model, decides the step gate, and records the baseline. The state changes
    /// only when the gate lets the step go.
    func next(_ state: inout MigrationState, store: MigrationStore, session: FleetSession, now: String) async -> ExitCode {
        let version = await session.ollamaVersion()
        let index: Int
        let report: ReadinessReport
        do {
            index = try state.nextStep(requested: step)
            report = try lastReport(session)
        } catch {
            return refuse("\(error)", session, ollamaVersion: version)
        }
        let model = state.steps[index].model
        guard let directory = session.config.backup?.directory else {
            return refuse("\(session.display(session.config.file)) has no backup section, so \(model) cannot be backed up before its step", session, ollamaVersion: version)
        }
        let backup: FleetBackup.Result
        do {
            backup = try await FleetBackup.take([model], client: session.client, into: directory, now: session.context.now())
        } catch {
            session.context.error("step \(index + 1) not started: the backup of \(model) failed: \(error)")
            session.record("migrate next", outcome: "failed", ollamaVersion: version, changes: ["backup of \(model) failed: \(error)"])
            return .notReady
        }
        let gate = StepGate.decide(step: index + 1, config: session.config, report: report, backups: StepGate.backupFiles(in: directory))
        guard gate.outcome == .ready else { return blocked(gate, session, ollamaVersion: version) }

        let baseline = report.metrics(of: gate.models)
        state.steps[index].status = .gated
        state.steps[index].backup = session.files.recorded(backup.folder)
        state.steps[index].baseline = baseline
        state.steps[index].after = nil
        state.steps[index].changedAt = now
        state.steps[index].host = session.hostLabel
        do { try store.save(state) } catch { session.context.error("\(error)"); return .undecided }
        let passed = StepGate.needed(config: session.config, report: report).map(\.id)
        return self.report([
            "Step \(index + 1) of \(state.steps.count): \(model) is gated.",
            "Backup: \(session.display(backup.folder)) (verified).",
            "Checks passed by \(gate.models.joined(separator: ", ")): \(passed.joined(separator: ", ")).",
            "Baseline of \(model): \(MetricsText.line(baseline[model])).",
            "Next: migrate \(model), run 'readiness check', then 'readiness migrate done' (or 'readiness migrate rollback').",
        ], session, metrics: baseline, ollamaVersion: version, changes: ["step \(index + 1) (\(model)) gated; backup \(session.display(backup.folder))"])
    }

    /// `done`: the step gate again, on a report newer than the step's gate; then the step is migrated.
    func done(_ state: inout MigrationState, store: MigrationStore, session: FleetSession, now: String) async -> ExitCode {
        let version = await session.ollamaVersion()
        let index: Int
        let report: ReadinessReport
        do {
            index = try state.gatedStep()
            report = try lastReport(session)
        } catch {
            return refuse("\(error)", session, ollamaVersion: version)
        }
        let step = state.steps[index]
        if let mismatch = step.hostMismatch(session.hostLabel) { return refuse(mismatch, session, ollamaVersion: version) }
        let started = report.timings.runStarted.flatMap(Timestamp.date)
        guard let started, let gated = step.changedAt.flatMap(Timestamp.date), started > gated else {
            return refuse("the last report's run (started \(report.timings.runStarted ?? "at an unknown time")) is not newer than step \(step.number)'s gate (\(step.changedAt ?? "?")): migrate \(step.model), run 'readiness check', then 'done' again", session, ollamaVersion: version)
        }
        guard let directory = session.config.backup?.directory else {
            return refuse("\(session.display(session.config.file)) has no backup section", session, ollamaVersion: version)
        }
        let gate = StepGate.decide(step: step.number, config: session.config, report: report, backups: StepGate.backupFiles(in: directory))
        guard gate.outcome == .ready else { return blocked(gate, session, ollamaVersion: version) }

        let after = report.metrics(of: gate.models)
        state.steps[index].status = .migrated
        state.steps[index].after = after
        state.steps[index].changedAt = now
        do { try store.save(state) } catch { session.context.error("\(error)"); return .undecided }
        let delta = MetricsText.delta(from: step.baseline?[step.model] ?? [:], to: after[step.model] ?? [:])
        let following = index + 1 < state.steps.count ? "Next: 'readiness migrate next' gates step \(index + 2) (\(state.steps[index + 1].model))." : "The migration is complete."
        return self.report([
            "Step \(step.number): \(step.model) is migrated; the step gate passes on the run of \(report.timings.runStarted ?? "?").",
            "\(step.model): \(delta).",
            following,
        ], session, metrics: after, baseline: step.baseline?[step.model].map { [step.model: $0] }, ollamaVersion: version, changes: ["step \(step.number) (\(step.model)) migrated: \(delta)"])
    }

    /// `rollback`: restores the step's model from the backup `next` took, then marks the step rolled back.
    func rollback(_ state: inout MigrationState, store: MigrationStore, session: FleetSession, now: String) async -> ExitCode {
        let version = await session.ollamaVersion()
        let index: Int
        do {
            index = try state.stepToRollBack(requested: step)
        } catch {
            return refuse("\(error)", session, ollamaVersion: version)
        }
        let step = state.steps[index]
        if let mismatch = step.hostMismatch(session.hostLabel) { return refuse(mismatch, session, ollamaVersion: version) }
        let folder = session.files.resolve(step.backup ?? "")
        guard await RollbackCommand.restore(step.model, from: folder, session: session, ollamaVersion: version, command: "migrate rollback") != nil else {
            return .notReady
        }
        state.steps[index].status = .rolledBack
        state.steps[index].changedAt = now
        do { try store.save(state) } catch { session.context.error("\(error)"); return .undecided }
        session.context.output(UntrustedText.consoleLine("Step \(step.number): \(step.model) is rolled back. 'readiness migrate next' tries the step again.") + "\n")
        return .success
    }

    /// The last check's report.json in `--out`.
    private func lastReport(_ session: FleetSession) throws -> ReadinessReport {
        do {
            return try ReadinessReport.load(from: session.context.url(out, isDirectory: true).appendingPathComponent("report.json"))
        } catch {
            throw MigrationRefusal("\(error)")
        }
    }

    /// Prints what blocks the step gate and records it; exit 1 when blocked, 2 when undecided.
    private func blocked(_ gate: StepGate, _ session: FleetSession, ollamaVersion: String?) -> ExitCode {
        var lines = ["Step \(gate.step) (\(gate.models.last ?? "")) stays as it was: the step gate does not let it go.", "Blocked by:"]
        lines += gate.blockers.map { "- " + $0 }
        if !gate.actions.isEmpty { lines += ["Next:"] + gate.actions.map { "- " + $0 } }
        lines.append("\(gate.outcome.label): \(gate.summary)")
        session.context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        session.record("migrate \(action.rawValue)", outcome: gate.outcome.rawValue, ollamaVersion: ollamaVersion, changes: gate.blockers)
        return ExitCode(gate.outcome)
    }
}
