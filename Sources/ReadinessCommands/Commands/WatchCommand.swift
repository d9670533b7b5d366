import FleetKit
import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

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
            baseline, and stops. Without --once or --for it watches until stopped. Each run that ends appends
            a line to .readiness/history.jsonl.
            With several hosts in readiness.json it needs --ollama: it watches one host per run.
            Exit status: 0 every round within tolerance (or no step is migrated or gated yet); 2 cannot tell
            (Ollama unreachable, no migration state, a step without a baseline, several hosts and no --ollama,
            usage or config error);
            3 degraded and the migration is paused, or it was paused already.
            """,
        arguments: FleetSession.arguments + [intervalOption, forOption, onceFlag, outOption],
        examples: [
            .init("readiness watch --interval 30s --for 1h", "Watch the migrated models every 30 seconds for an hour; exit 3 and pause the migration if one degrades."),
            .init("readiness watch --once --out watch-report", "One round, for a CI job, also writing watch-report/watch.json."),
        ],
        environment: [.githubActions]
    )
    static let intervalOption = Option<Duration?>.duration(
        "--interval", help: "time from one round's start to the next, e.g. 30s, 5m (default: 1m)"
    )
    static let forOption = Option<Duration?>.duration(
        "--for", help: "stop after this long with exit 0 when nothing degraded, e.g. 1h (default: until stopped)"
    )
    static let onceFlag = Flag("--once", help: "one round, then stop")
    static let outOption = Option<String?>.text(
        "--out", "DIR", help: "also write DIR/watch.json after each round (figures, baselines, limits, outcome)"
    )

    var config: ConfigLocation
    var ollama: String?
    var interval: Duration
    var duration: Duration?
    var once: Bool
    var out: String?
    /// `--interval` and `--for` as typed, for messages.
    var intervalText: String
    var durationText: String?

    init(_ arguments: ParsedArguments) throws {
        config = try ConfigLocation(arguments)
        ollama = try arguments.value(CommonOptions.ollama)
        once = arguments.isSet(Self.onceFlag)
        out = try arguments.value(Self.outOption)
        if once, arguments.isGiven(Self.intervalOption) || arguments.isGiven(Self.forOption) {
            throw arguments.error("Option '--once' runs one round and takes no '--interval' or '--for'")
        }
        interval = try arguments.value(Self.intervalOption) ?? .seconds(60)
        intervalText = arguments.text(of: Self.intervalOption) ?? "1m"
        duration = try arguments.value(Self.forOption)
        durationText = arguments.text(of: Self.forOption)
    }

    /// How a round ended.
    enum RoundEnd {
        /// Every watched model within tolerance (or nothing to watch when the list is empty).
        case healthy([MigrationWatch.ModelRound], metrics: [String: [String: Double]], baselines: [String: [String: Double]], version: String?)
        /// The run is over with this status (already reported and recorded).
        case stop(ExitCode)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        // Fail closed: probing the first host alone would call a fleet healthy that degraded on another.
        let refusal = { (hosts: Int) in
            "readiness.json lists \(hosts) Ollama hosts and watch probes one: give --ollama URL for the host to watch (a watch per host), so that none goes unwatched"
        }
        guard let session = FleetSession.open(config: config, ollama: ollama, severalHostsRefusal: refusal, context: context) else { return .undecided }
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
            // A folder without a migration gets no history: a wrong --config must leave it as it was.
            return undecided(problem.description, session, ifStarted: true)
        }
        if let paused = state.paused {
            let line = "The migration is paused since \(paused.since): \(paused.reason). Nothing was probed; 'readiness migrate resume' continues it."
            context.output(UntrustedText.consoleLine(line) + "\n")
            session.record("watch", outcome: "paused", ollamaVersion: nil, changes: ["already paused since \(paused.since): \(paused.reason)"])
            writeDocument(session, outcome: "paused", round: 0, rounds: [], pause: paused.reason)
            return .stop(.degraded)
        }
        let steps = MigrationWatch.watchedSteps(state)
        guard !steps.isEmpty else { return .healthy([], metrics: [:], baselines: [:], version: nil) }
        var baselines: [String: [String: Double]] = [:]
        for step in steps {
            if let mismatch = step.hostMismatch(session.hostLabel) { return undecided(mismatch, session) }
            guard let baseline = MigrationWatch.baseline(of: step) else {
                return undecided(
                    "step \(step.number) (\(step.model)) is \(step.status.rawValue) but \(session.display(session.files.migration)) holds no baseline of it, so it cannot be judged: run 'readiness migrate rollback' and take the step again with 'readiness migrate next'",
                    session)
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
        // A connection cut mid-answer (Ollama stopped or restarted) fails a query like a broken model does: when
        // Ollama no longer answers after the round, its failures say nothing about the models.
        if report.queries.contains(where: { !$0.succeeded }) {
            do {
                _ = try await evidence.client.version(timeout: .seconds(5))
            } catch {
                return unreachable("Ollama stopped answering during round \(number) (\(error))", session)
            }
        }
        // A grade the judge could not give leaves quality unmeasured: the heuristic alone is not the baseline's
        // blend, and the judge's failure is not the model's.
        if let ungraded = report.queries.first(where: { $0.quality.problem != nil }), let problem = ungraded.quality.problem {
            return undecided(
                "the quality of \(ungraded.model)'s answers could not be established in round \(number): \(problem). Nothing was judged and the migration is not paused; fix the judge in readiness.json, then watch again.",
                session)
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
            return undecided("\(sentences[0]), but the migration could not be paused: \(error)", session, round: number, rounds: rounds)
        }
        var lines = sentences.map { "DEGRADED: " + $0 + "." }
        lines.append(pause.reason == reason
            ? "Migration paused since \(pause.since): 'readiness migrate next' is refused until 'readiness migrate resume'. Roll the model back with 'readiness migrate rollback', or fix it, then resume."
            : "The migration was already paused since \(pause.since) (\(pause.reason)).")
        context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        if context.environment["GITHUB_ACTIONS"] == "true" {
            context.output(GitHubAnnotations.command("error", title: "Readiness watch: \(worst.model)", sentences[0] + ". The migration is paused.") + "\n")
        }
        session.record("watch", outcome: "degraded", metrics: metrics, baseline: baselines, ollamaVersion: version, changes: ["paused: " + reason] + Array(sentences.dropFirst()))
        writeDocument(session, outcome: "degraded", round: number, rounds: rounds, pause: reason)
        return .stop(.degraded)
    }
}
