import FleetKit
import Foundation
import OllamaKit
import ReadinessKit

/// `readiness migrate ACTION`: the conservative migration as a state machine in `.readiness/migration.json`,
/// one step per model in migration order, changed under `.readiness/migration.lock`. Each action is a command
/// of its own (`MigrateCommand+Actions.swift`); a value of this type is one parsed action.
struct MigrateCommand: Command {
    enum Action: String, CaseIterable {
        case status, next, done, pause, resume, rollback
    }

    static let spec = CommandSpec(
        name: "migrate",
        abstract: "Run the migration one model at a time: status, next, done, pause, resume, rollback.",
        discussion: """
            Each step is one model in migration order. 'next' backs up the step's model, decides the step
            gate from the last check's report and records the step's metrics as its baseline; 'done' marks
            it migrated after the gate passes again on a newer report; 'rollback' restores the step's model
            from its backup; 'pause' stops 'next' and 'done' until 'resume'; 'status' shows every step. The
            state is .readiness/migration.json beside readiness.json; a second process changing it is refused.

            Exit status: 0 done, 1 the gate blocks the step or a backup or restore failed, 2 refused
            (paused, out of order, nothing gated, no backup, locked, no report) or usage/config error.
            """,
        examples: [
            .init("readiness migrate status", "Every step with its status and metrics."),
            .init("readiness migrate next --help", "What one action does and takes."),
        ],
        subcommands: [Status.self, Next.self, Done.self, Pause.self, Resume.self, Rollback.self]
    )

    var action: Action
    var config: ConfigLocation
    var ollama: String?
    var out: String
    var step: Int?
    var reason: String?

    /// The action's options, read by the declarations its spec names (`--step` and `--reason` only where taken).
    init(_ action: Action, _ arguments: ParsedArguments) throws {
        self.action = action
        config = try ConfigLocation(arguments)
        ollama = try arguments.value(CommonOptions.ollama)
        out = try arguments.value(CommonOptions.reportFolder)
        step = action == .next || action == .rollback ? try arguments.value(Self.stepOption) : nil
        reason = action == .pause ? try arguments.value(Self.reasonOption) : nil
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(config: config, ollama: ollama, context: context) else { return .undecided }
        let models = session.config.modelsInMigrationOrder.map(\.name)
        guard action != .status else { return status(session, models: models) }
        let store: MigrationStore
        do {
            store = try MigrationStore(files: session.files)
        } catch {
            return refuse("\(error)", session, ollamaVersion: nil)
        }
        defer { store.release() }
        do {
            var state = try store.load(models: models, begins: action == .next && step == 1)
            let now = Timestamp.iso8601(context.now())
            switch action {
            case .status: return .success
            case .pause:
                try state.pause(reason: reason ?? "no reason given", at: now)
                try store.save(state)
                return report(["Migration paused: \(reason ?? "no reason given"). 'readiness migrate next' is refused until 'readiness migrate resume'."], session, changes: ["paused: \(reason ?? "no reason given")"])
            case .resume:
                try state.resume()
                try store.save(state)
                return report(["Migration resumed: 'readiness migrate next' gates the next step."], session, changes: ["resumed"])
            case .next: return await next(&state, store: store, session: session, now: now)
            case .done: return await done(&state, store: store, session: session, now: now)
            case .rollback: return await rollback(&state, store: store, session: session, now: now)
            }
        } catch let refusal as MigrationRefusal {
            return refuse(refusal.description, session, ollamaVersion: nil)
        } catch {
            context.error("\(error)")
            return .undecided
        }
    }

    /// Prints `lines`, records the transition, exit 0.
    func report(
        _ lines: [String], _ session: FleetSession, metrics: [String: [String: Double]]? = nil, baseline: [String: [String: Double]]? = nil,
        ollamaVersion: String? = nil, changes: [String]
    ) -> ExitCode {
        session.context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        session.record("migrate \(action.rawValue)", outcome: "ok", metrics: metrics, baseline: baseline, ollamaVersion: ollamaVersion, changes: changes)
        return .success
    }

    /// Prints why the action was refused, records it, exit 2; the state is unchanged.
    func refuse(_ why: String, _ session: FleetSession, ollamaVersion: String?) -> ExitCode {
        session.context.error("'migrate \(action.rawValue)' refused: \(why)")
        session.record("migrate \(action.rawValue)", outcome: "refused", ollamaVersion: ollamaVersion, changes: [why])
        return .undecided
    }

    /// `status`: every step with its status and metrics; needs no lock (the state is replaced atomically).
    private func status(_ session: FleetSession, models: [String]) -> ExitCode {
        let state: MigrationState
        if let data = FileManager.default.contents(atPath: session.files.migration.path) {
            guard let decoded = try? JSONDecoder().decode(MigrationState.self, from: data) else {
                session.context.error("\(session.display(session.files.migration)) is not a migration state")
                return .undecided
            }
            state = decoded
        } else {
            state = MigrationState(models: models)
            session.context.output(UntrustedText.consoleLine("Note: \(MigrationRefusal.noState(session.display(session.files.migration))).") + "\n")
        }
        let current = state.steps.firstIndex { $0.status != .migrated }
        var rows = [("STEP", "MODEL", "STATUS", "SINCE", "METRICS")]
        for (index, step) in state.steps.enumerated() {
            let plain = step.status.rawValue.replacingOccurrences(of: "-", with: " ")
            // The step the pause holds back shows both: "paused" alone would hide that it was rolled back or gated.
            let status = state.paused != nil && index == current ? (step.status == .pending ? "paused" : "\(plain), paused") : plain
            let metrics = step.status == .migrated ? step.after?[step.model] : step.baseline?[step.model]
            rows.append(("\(step.number)", step.model, status, step.changedAt ?? "-", step.status == .pending ? "-" : MetricsText.line(metrics)))
        }
        let widths = (0..<4).map { column in rows.map { [$0.0, $0.1, $0.2, $0.3][column].count }.max() ?? 0 }
        var lines = rows.map { row in
            zip([row.0, row.1, row.2, row.3], widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row.4
        }
        let migrated = state.steps.filter { $0.status == .migrated }.count
        if let paused = state.paused {
            lines.append("Paused since \(paused.since): \(paused.reason). 'readiness migrate resume' continues.")
        }
        lines.append("\(migrated) of \(state.steps.count) steps migrated (\(session.display(session.files.migration))).")
        session.context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        return .success
    }
}
