import FleetKit
import Foundation
import OllamaKit
import ReadinessKit

/// `readiness watch`: probes the migrated models (and the one being migrated) round after round on the
/// performance engine, and pauses the migration on the first degradation beyond readiness.json's tolerances.
struct WatchCommand: Subcommand {
    static let spec = CommandSpec(
        name: "watch",
        abstract: "Probe the migrated models and pause the migration when one degrades beyond tolerance.",
        discussion: """
            Each round sends the test prompts of every migrated step's model and of the gated step's model
            (watch.rounds times each, through the request budget of 'readiness perf') and compares each model's
            success rate, quality, p95 and average latency with the baseline 'migrate next' recorded before its
            step, under watch.tolerances of readiness.json. On the first degradation beyond tolerance it pauses
            the migration (.readiness/migration.json) naming the model, the metric and the value against the
            baseline, and stops. Without --once or --for it watches until stopped. Every run appends a line to
            .readiness/history.jsonl.
            Exit status: 0 every round within tolerance (or no step is migrated or gated yet); 2 cannot tell
            (Ollama unreachable, no migration state, a step without a baseline, usage or config error);
            3 degraded and the migration is paused, or it was paused already.
            """,
        arguments: FleetSession.arguments + [
            .option("--interval", "DURATION", help: "time from one round's start to the next, e.g. 30s, 5m (default: 1m)"),
            .option("--for", "DURATION", help: "stop after this long with exit 0 when nothing degraded, e.g. 1h (default: until stopped)"),
            .flag("--once", help: "one round, then stop"),
            .option("--out", "DIR", help: "also write DIR/watch.json after each round (figures, baselines, limits, outcome)"),
        ]
    )

    var config: String?
    var ollama: String?
    var interval: Duration
    var duration: Duration?
    var once: Bool
    var out: String?
    /// `--interval` and `--for` as typed, for messages.
    var intervalText: String
    var durationText: String?

    init(_ arguments: ParsedArguments) throws {
        config = arguments.value("--config")
        ollama = arguments.value("--ollama")
        once = arguments.flag("--once")
        out = arguments.value("--out")
        func duration(_ name: String) throws -> Duration? {
            guard let text = arguments.value(name) else { return nil }
            guard let duration = DurationArgument.parse(text) else {
                throw arguments.error("\(name) '\(text)' is not a duration like 30s, 5m, 500ms or 1h")
            }
            return duration
        }
        if once, arguments.value("--interval") != nil || arguments.value("--for") != nil {
            throw arguments.error("Option '--once' runs one round and takes no '--interval' or '--for'")
        }
        interval = try duration("--interval") ?? .seconds(60)
        intervalText = arguments.value("--interval") ?? "1m"
        self.duration = try duration("--for")
        durationText = arguments.value("--for")
    }

    /// How a round ended.
    private enum RoundEnd {
        /// Every watched model within tolerance (or nothing to watch when the list is empty).
        case healthy([MigrationWatch.ModelRound], metrics: [String: [String: Double]], baselines: [String: [String: Double]], version: String?)
        /// The run is over with this status (already reported and recorded).
        case stop(ExitCode)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(config: config, ollama: ollama, context: context) else { return .undecided }
        let clock = ContinuousClock()
        let start = clock.now
        var number = 0
        var last: (rounds: [MigrationWatch.ModelRound], metrics: [String: [String: Double]], baselines: [String: [String: Double]], version: String?)?
        while true {
            number += 1
            let roundStart = clock.now
            switch await round(number, session: session, isFirst: number == 1) {
            case .stop(let status):
                return status
            case .healthy(let rounds, let metrics, let baselines, let version):
                if rounds.isEmpty { return nothingToWatch(session) }
                last = (rounds, metrics, baselines, version)
            }
            let next = roundStart + interval
            if once || duration.map({ next >= start + $0 }) == true { break }
            try? await Task.sleep(until: next, clock: clock)
        }
        let models = last?.rounds.count ?? 0
        let summary = "\(number) \(number == 1 ? "round" : "rounds"): every watched model (\(models)) within tolerance of its step's baseline"
        session.context.output("Healthy: \(summary).\n")
        session.record("watch", outcome: "healthy", metrics: last?.metrics, baseline: last?.baselines, ollamaVersion: last?.version, changes: [summary])
        writeDocument(session, outcome: "healthy", round: number, rounds: last?.rounds ?? [], pause: nil)
        return .success
    }

    /// One round: reads the migration state, probes the watched models, compares, pauses on a degradation.
    private func round(_ number: Int, session: FleetSession, isFirst: Bool) async -> RoundEnd {
        let context = session.context
        let models = session.config.modelsInMigrationOrder.map(\.name)
        let state: MigrationState
        switch readState(session, models: models) {
        case .success(let found): state = found
        case .failure(let problem):
            context.error(problem.description)
            session.record("watch", outcome: "undecided", ollamaVersion: nil, changes: [problem.description], ifStarted: true)
            return .stop(.undecided)
        }
        if let paused = state.paused {
            let line = "The migration is paused since \(paused.since): \(paused.reason). Nothing was probed; 'readiness migrate resume' continues it."
            context.output(UntrustedText.consoleLine(line) + "\n")
            session.record("watch", outcome: "paused", ollamaVersion: nil, changes: ["already paused since \(paused.since): \(paused.reason)"])
            return .stop(.degraded)
        }
        let steps = MigrationWatch.watchedSteps(state)
        guard !steps.isEmpty else { return .healthy([], metrics: [:], baselines: [:], version: nil) }
        var baselines: [String: [String: Double]] = [:]
        for step in steps {
            guard let baseline = MigrationWatch.baseline(of: step) else {
                let problem = "step \(step.number) (\(step.model)) is \(step.status.rawValue) but \(session.display(session.files.migration)) holds no baseline of it, so it cannot be judged: run 'readiness migrate rollback' and take the step again with 'readiness migrate next'"
                context.error(problem)
                session.record("watch", outcome: "undecided", ollamaVersion: nil, changes: [problem])
                return .stop(.undecided)
            }
            baselines[step.model] = baseline
        }

        var probe = session.config
        probe.models = probe.models.filter { model in steps.contains { ModelName.matches($0.model, model.name) } }
            .map { var model = $0; model.critical = true; return model }
        probe.thresholds.rounds = probe.watch.rounds
        probe.thresholds.passRounds = nil
        let evidence = OllamaEvidence(config: probe)
        let version: String
        do {
            version = try await evidence.version()
        } catch {
            return unreachable("\(error)", session)
        }
        if isFirst { context.output(UntrustedText.consoleLine(header(steps, config: probe)) + "\n") }
        let report = await PerformanceRun(config: probe, client: evidence.client, budget: evidence.budget).run()
        if let lost = report.queries.first(where: { $0.failureKind == .unreachable }) {
            return unreachable("Ollama stopped answering during round \(number) (\(lost.model): \(lost.failure ?? "unreachable"))", session)
        }

        var rounds: [MigrationWatch.ModelRound] = []
        var metrics: [String: [String: Double]] = [:]
        for step in steps {
            let observed = report.summary(for: step.model).metrics
            metrics[step.model] = observed
            rounds.append(MigrationWatch.compare(step: step, observed: observed, baseline: baselines[step.model]!, tolerances: probe.watch.tolerances))
        }
        let lines = ["Round \(number) (\(Timestamp.iso8601(context.now()))), now (baseline):"] + MigrationWatch.table(rounds)
        context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        guard let worst = rounds.first(where: { !$0.degradations.isEmpty }) else {
            writeDocument(session, outcome: "healthy", round: number, rounds: rounds, pause: nil)
            return .healthy(rounds, metrics: metrics, baselines: baselines, version: version)
        }
        return await pause(worst, rounds: rounds, number: number, metrics: metrics, baselines: baselines, version: version, session: session)
    }

    /// Pauses the migration for the first degradation of `worst`, prints and annotates it, records it; exit 3.
    private func pause(
        _ worst: MigrationWatch.ModelRound, rounds: [MigrationWatch.ModelRound], number: Int,
        metrics: [String: [String: Double]], baselines: [String: [String: Double]], version: String, session: FleetSession
    ) async -> RoundEnd {
        let context = session.context
        let tolerances = session.config.watch.tolerances
        let sentences = rounds.flatMap { round in round.degradations.map { MigrationWatch.sentence($0, of: round, tolerances: tolerances) } }
        let reason = "watch round \(number): " + sentences[0]
        let pause: MigrationState.Pause
        do {
            pause = try await Self.pauseMigration(reason: reason, at: Timestamp.iso8601(context.now()), session: session)
        } catch {
            let problem = "\(sentences[0]), but the migration could not be paused: \(error)"
            context.error(problem)
            session.record("watch", outcome: "undecided", metrics: metrics, baseline: baselines, ollamaVersion: version, changes: [problem])
            return .stop(.undecided)
        }
        var lines = sentences.map { "DEGRADED: " + $0 + "." }
        lines.append(pause.reason == reason
            ? "Migration paused since \(pause.since): 'readiness migrate next' is refused until 'readiness migrate resume'. Roll the model back with 'readiness migrate rollback', or fix it, then resume."
            : "The migration was already paused since \(pause.since) (\(pause.reason)).")
        context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        if context.environment["GITHUB_ACTIONS"] == "true" {
            context.output(WorkflowCommand.error(title: "Readiness watch: \(worst.model)", sentences[0] + ". The migration is paused."))
        }
        session.record("watch", outcome: "degraded", metrics: metrics, baseline: baselines, ollamaVersion: version, changes: ["paused: " + reason] + Array(sentences.dropFirst()))
        writeDocument(session, outcome: "degraded", round: number, rounds: rounds, pause: reason)
        return .stop(.degraded)
    }
}

extension WatchCommand {
    /// migration.json, read without the lock (`migrate` replaces it atomically).
    /// - Returns: A problem when there is none (no migration started here: watching nothing would look healthy
    ///   while the real fleet may not be), it cannot be read, or its steps no longer match readiness.json.
    private func readState(_ session: FleetSession, models: [String]) -> Result<MigrationState, MigrationRefusal> {
        let file = session.files.migration
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(MigrationRefusal("no migration state at \(session.display(file)), so there is nothing to watch: 'readiness migrate next' starts the migration (or pass the fleet's readiness.json with --config)"))
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
    private func unreachable(_ problem: String, _ session: FleetSession) -> RoundEnd {
        let message = "\(problem). Nothing was judged and the migration is not paused; watch again once Ollama answers."
        session.context.error(message)
        session.record("watch", outcome: "undecided", ollamaVersion: nil, changes: [message])
        writeDocument(session, outcome: "undecided", round: 0, rounds: [], pause: nil)
        return .stop(.undecided)
    }

    /// No step is migrated or gated: nothing can have degraded; exit 0.
    private func nothingToWatch(_ session: FleetSession) -> ExitCode {
        let line = "Nothing to watch: no step of the migration is migrated or gated (\(session.display(session.files.migration))). 'readiness migrate next' gates the next step."
        session.context.output(UntrustedText.consoleLine(line) + "\n")
        session.record("watch", outcome: "nothing-to-watch", ollamaVersion: nil, changes: ["no step is migrated or gated"])
        writeDocument(session, outcome: "nothing-to-watch", round: 0, rounds: [], pause: nil)
        return .success
    }

    /// "Watching 5 models (steps 1-4 migrated, step 5 gated) on …: …".
    private func header(_ steps: [MigrationState.Step], config: ReadinessConfig) -> String {
        let migrated = steps.filter { $0.status == .migrated }.map { "\($0.number)" }
        let gated = steps.filter { $0.status == .gated }.map { "\($0.number)" }
        var parts: [String] = []
        if !migrated.isEmpty { parts.append("\(migrated.count == 1 ? "step" : "steps") \(migrated.joined(separator: ", ")) migrated") }
        if !gated.isEmpty { parts.append("step \(gated.joined(separator: ", ")) gated") }
        let tolerances = config.watch.tolerances
        let rounds = config.watch.rounds
        let schedule = once ? "one round" : "a round every \(intervalText)" + (durationText.map { " for \($0)" } ?? " until stopped")
        return "Watching \(steps.count) \(steps.count == 1 ? "model" : "models") (\(parts.joined(separator: ", "))) on \(OllamaHost.redacted(config.ollama.host.absoluteString)): "
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
        var state = try store.load(models: session.config.modelsInMigrationOrder.map(\.name))
        if let paused = state.paused { return paused }
        try state.pause(reason: reason, at: time)
        try store.save(state)
        return state.paused!
    }

    /// With `--out DIR`: DIR/watch.json, replaced after each round.
    private func writeDocument(_ session: FleetSession, outcome: String, round: Int, rounds: [MigrationWatch.ModelRound], pause: String?) {
        guard let out else { return }
        let document = WatchDocument(
            schema: WatchDocument.currentSchema, time: Timestamp.iso8601(session.context.now()),
            host: OllamaHost.redacted(session.config.ollama.host.absoluteString), outcome: outcome, round: round,
            tolerances: .init(session.config.watch.tolerances), models: rounds, pause: pause)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try ReportWriter.write(try encoder.encode(document) + Data("\n".utf8), to: session.context.url(out, isDirectory: true).appendingPathComponent("watch.json"))
        } catch {
            session.context.errorOutput("Warning: \(UntrustedText.consoleLine("\(error)"))\n")
        }
    }
}

/// `watch.json`: the last round of `readiness watch --out DIR`.
struct WatchDocument: Encodable {
    static let currentSchema = "readiness-watch/1"
    var schema: String
    var time: String
    var host: String
    /// "healthy", "degraded", "undecided" or "nothing-to-watch".
    var outcome: String
    /// The round's number (0 when none was judged).
    var round: Int
    var tolerances: Tolerances
    var models: [MigrationWatch.ModelRound]
    /// The pause's reason when this round paused the migration.
    var pause: String?

    struct Tolerances: Encodable {
        var latencyP95Factor, latencyAverageFactor, latencyMarginSeconds, successRateDrop, qualityDrop: Double

        init(_ tolerances: ReadinessConfig.Watch.Tolerances) {
            latencyP95Factor = tolerances.latencyP95Factor
            latencyAverageFactor = tolerances.latencyAverageFactor
            latencyMarginSeconds = tolerances.latencyMarginSeconds
            successRateDrop = tolerances.successRateDrop
            qualityDrop = tolerances.qualityDrop
        }
    }
}

/// A GitHub Actions workflow command (`::error title=…::message`), escaped as GitHub's toolkit does; the same
/// escaping as `GitHubAnnotations`, whose command builder is private to the report renderers.
enum WorkflowCommand {
    static func error(title: String, _ message: String) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let property = data(title).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        return "::error title=\(property)::\(data(message))\n"
    }
}
