import FleetKit
import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

extension WatchCommand {
    /// migration.json, read without the lock (`migrate` replaces it atomically).
    /// - Returns: A problem when there is none (no migration started here: watching nothing would look healthy
    ///   while the real fleet may not be), it cannot be read, or its steps no longer match readiness.json.
    func readState(_ session: FleetSession, models: [String]) -> Result<MigrationState, MigrationRefusal> {
        let file = session.files.migration
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(.noState(session.display(file)))
        }
        guard let state = try? JSONDecoder().decode(MigrationState.self, from: data), state.schemaVersion == MigrationState.currentSchemaVersion else {
            return .failure(MigrationRefusal("\(session.display(file)) is not a migration state of schema version \(MigrationState.currentSchemaVersion)"))
        }
        do {
            try state.check(models: models)
        } catch let refusal as MigrationRefusal {
            return .failure(refusal)
        } catch {
            return .failure(MigrationRefusal("\(error)"))
        }
        return .success(state)
    }

    /// Ollama did not answer: nothing is judged and nothing paused; exit 2.
    func unreachable(_ problem: String, _ session: FleetSession) -> RoundEnd {
        undecided("\(problem). Nothing was judged and the migration is not paused; watch again once Ollama answers.", session)
    }

    /// The watch cannot tell: says why, records it, and replaces watch.json so no earlier healthy round is left
    /// there to be read as this run's; exit 2.
    /// - Parameter ifStarted: Record only in a fleet whose history has started.
    func undecided(
        _ problem: String, _ session: FleetSession, round: Int = 0, rounds: [MigrationWatch.ModelRound] = [], ifStarted: Bool = false
    ) -> RoundEnd {
        session.context.error(problem)
        session.record("watch", outcome: "undecided", ollamaVersion: nil, changes: [problem], ifStarted: ifStarted)
        writeDocument(session, outcome: "undecided", round: round, rounds: rounds, pause: nil, problem: problem)
        return .stop(.undecided)
    }

    /// No step is migrated or gated: nothing can have degraded; exit 0.
    func nothingToWatch(_ session: FleetSession) -> ExitCode {
        let line = "Nothing to watch: no step of the migration is migrated or gated (\(session.display(session.files.migration))). 'readiness migrate next' gates the next step."
        session.context.output(UntrustedText.consoleLine(line) + "\n")
        session.record("watch", outcome: "nothing-to-watch", ollamaVersion: nil, changes: ["no step is migrated or gated"])
        writeDocument(session, outcome: "nothing-to-watch", round: 0, rounds: [], pause: nil)
        return .success
    }

    /// "Watching 5 models (steps 1-4 migrated, step 5 gated) on …: …".
    func header(_ steps: [MigrationState.Step], config: ReadinessConfig) -> String {
        let migrated = steps.filter { $0.status == .migrated }.map { "\($0.number)" }
        let gated = steps.filter { $0.status == .gated }.map { "\($0.number)" }
        var parts: [String] = []
        if !migrated.isEmpty { parts.append("\(migrated.count == 1 ? "step" : "steps") \(migrated.joined(separator: ", ")) migrated") }
        if !gated.isEmpty { parts.append("step \(gated.joined(separator: ", ")) gated") }
        let tolerances = config.watch.tolerances
        let rounds = config.watch.rounds
        let schedule = once ? "one round" : "a round every \(intervalText)" + (durationText.map { " for \($0)" } ?? " until stopped")
        return "Watching \(steps.count) \(steps.count == 1 ? "model" : "models") (\(parts.joined(separator: ", "))) on \(config.ollama.redactedHosts[0]): "
            + "\(schedule), each test prompt \(rounds == 1 ? "once" : "\(rounds) times") per round. Tolerances against each step's baseline: "
            + "p95 latency x\(MetricsText.number(tolerances.latencyP95Factor)), average latency x\(MetricsText.number(tolerances.latencyAverageFactor)) "
            + "(and +\(MetricsText.number(tolerances.latencyMarginSeconds)) s), "
            + "success rate -\(MetricsText.number(tolerances.successRateDrop)), quality -\(MetricsText.number(tolerances.qualityDrop))."
    }

    /// Sets the migration's pause under its lock, waiting up to 10 s for a `migrate` that holds it.
    /// - Returns: The pause in force: this one, or an earlier one set meanwhile.
    static func pauseMigration(reason: String, at time: String, session: FleetSession) async throws -> MigrationState.Pause {
        var store: MigrationStore?
        var refusal: (any Error)?
        for _ in 0..<100 {
            do {
                store = try MigrationStore(files: session.files)
                break
            } catch {
                refusal = error
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        guard let store else { throw refusal ?? MigrationRefusal("the migration lock could not be taken") }
        defer { store.release() }
        var state = try store.load(models: session.config.modelsInMigrationOrder.map(\.name), begins: false)
        if let paused = state.paused { return paused }
        try state.pause(reason: reason, at: time)
        try store.save(state)
        return state.paused!
    }

    /// With `--out DIR`: DIR/watch.json, replaced after each round.
    func writeDocument(_ session: FleetSession, outcome: String, round: Int, rounds: [MigrationWatch.ModelRound], pause: String?, problem: String? = nil) {
        guard let out else { return }
        let document = WatchDocument(
            schema: WatchDocument.currentSchema, time: Timestamp.iso8601(session.context.now()),
            host: session.hostLabel, outcome: outcome, round: round,
            tolerances: session.config.watch.tolerances, models: rounds, pause: pause, problem: problem)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try ReportWriter.write(try encoder.encode(document) + Data("\n".utf8), to: session.context.url(out, isDirectory: true).appendingPathComponent("watch.json"))
        } catch {
            session.context.errorOutput("Warning: \(UntrustedText.consoleLine("\(error)"))\n")
        }
    }
}
