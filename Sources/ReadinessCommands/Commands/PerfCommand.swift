import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// `readiness perf`: the performance run in-process, on the engine the Performance suite uses
/// (`PerformanceRun`), with perf-report.md/.json/.html and optional before/after deltas.
struct PerfCommand: Subcommand {
    static let spec = CommandSpec(
        name: "perf",
        abstract: "Measure the fleet's performance in-process and write perf-report.md, .json and .html.",
        discussion: """
            Loads each critical model first (a generate request without a prompt), then sends every test prompt
            --rounds times, model by model, at most --concurrency at once, on the engine the Performance suite
            uses. Latency percentiles use the nearest-rank method. Once the fleet has a history (.readiness/ beside
            readiness.json), each run appends a line with every model's figures. Exit 0 when every threshold holds,
            1 when one does not, 2 on bad input.
            """,
        arguments: FleetSession.arguments + [roundsOption, concurrencyOption, modelOption, baselineOption, outOption],
        examples: [
            .init("readiness perf", "Measure every critical model of ./readiness.json; write perf-report/."),
            .init("readiness perf --rounds 10 --concurrency 2 --model decision_simplifier_v2", "Ten rounds of one model, two requests at once."),
            .init("readiness perf --baseline before/perf-report.json --out after", "Compare with an earlier run, e.g. before and after a migration."),
        ]
    )
    static let roundsOption = Option<Int?>.count("--rounds", "N", help: "times each prompt is sent (default: thresholds.rounds)")
    static let concurrencyOption = Option<Int?>.count(
        "--concurrency", "C", help: "requests in flight at once (default: thresholds.maxConcurrentRequests)"
    )
    static let modelOption = RepeatedOption("--model", "NAME", help: "measure only this critical model; repeat for several (default: all)")
    static let baselineOption = Option<String?>.text(
        "--baseline", "FILE", help: "an earlier perf-report.json (or a baseline file) to compare with"
    )
    static let outOption = Option<String>.text("--out", "DIR", default: "perf-report", help: "folder for the reports (default: perf-report)")

    var config: ConfigLocation
    var ollama: String?
    var rounds: Int?
    var concurrency: Int?
    var models: [String]
    var baseline: String?
    var out: String

    init(_ arguments: ParsedArguments) throws {
        config = try ConfigLocation(arguments)
        ollama = try arguments.value(CommonOptions.ollama)
        rounds = try arguments.value(Self.roundsOption)
        concurrency = try arguments.value(Self.concurrencyOption)
        models = arguments.values(Self.modelOption)
        baseline = try arguments.value(Self.baselineOption)
        out = try arguments.value(Self.outOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        let loaded = LoadedConfig.loadForOneHost(config, ollama: ollama, context: context)
        guard var config = loaded.config else {
            context.error(loaded.problem?.message ?? "the configuration cannot be used")
            return .undecided
        }
        if let rounds { config.thresholds.rounds = rounds }
        if let concurrency { config.thresholds.maxConcurrentRequests = concurrency }
        if let passRounds = config.thresholds.passRounds, passRounds > config.thresholds.rounds {
            context.error("thresholds.passRounds \(passRounds) is more than --rounds \(config.thresholds.rounds)")
            return .undecided
        }
        if !models.isEmpty {
            let unknown = models.filter { name in !config.criticalModels.contains { ModelName.matches($0.name, name) } }
            guard unknown.isEmpty else {
                context.error("'\(unknown[0])' is not a critical model of \(loaded.file.relativePath)")
                return .undecided
            }
            config.models = config.models.filter { model in models.contains { ModelName.matches($0, model.name) } }
        }
        var previous: PerfDocument?
        if let baseline {
            do {
                previous = try PerfDocument.read(Data(contentsOf: context.url(baseline)))
            } catch {
                context.error("the baseline '\(baseline)' cannot be read: \(error)")
                return .undecided
            }
        }
        let evidence = OllamaEvidence(config: config)
        let version: String
        do {
            version = try await evidence.version()
        } catch {
            context.error("\(error)")
            return .undecided
        }
        var run = PerformanceRun(config: config, client: evidence.client, budget: evidence.budget)
        if context.isTerminal {
            let output = context.output
            run.progress = { step in
                switch step {
                case .loaded(let load):
                    output("loaded \(UntrustedText.consoleLine(load.model))" + (load.failure == nil ? String(format: " in %.2f s\n", load.wallSeconds) : ": failed\n"))
                case .answered(let outcome, let done, let total):
                    output("[\(done)/\(total)] \(UntrustedText.consoleLine(outcome.model)) round \(outcome.round): " + (outcome.succeeded ? String(format: "%.2f s\n", outcome.latency ?? 0) : "\(outcome.failureKind?.description ?? "failed")\n"))
                }
            }
        }
        let report = await run.run()
        var document = PerfDocument(report, config: config, concurrency: config.thresholds.maxConcurrentRequests, generatedAt: context.now())
        if let previous { document.deltas = document.deltas(against: previous) }
        let folder = context.url(out, isDirectory: true)
        do {
            for file in PerfRenderer.files(document) {
                try ReportWriter.write(file.data, to: folder.appendingPathComponent(file.name))
            }
        } catch {
            context.error("\(error)")
            return .undecided
        }
        context.output(Self.summary(document, out: out))
        // Like check, perf changes nothing: it joins the history of a fleet that backup, build or migrate started.
        var metrics: [String: [String: Double]] = [:]
        for model in config.criticalModels { metrics[model.name] = report.summary(for: model.name).metrics }
        FleetSession(config: config, context: context).record(
            "perf", outcome: document.passed == true ? "pass" : "fail", metrics: metrics, ollamaVersion: version,
            changes: [(document.passed == true ? "every threshold holds" : "a threshold does not hold") + " over \(config.thresholds.rounds) \(config.thresholds.rounds == 1 ? "round" : "rounds"); reports in \(out)/"],
            ifStarted: true)
        return document.passed == true ? .success : .notReady
    }

    /// The console summary: one line per model, the deltas, the verdict.
    static func summary(_ document: PerfDocument, out: String) -> String {
        var lines: [String] = []
        for figures in document.models + [document.overall] {
            lines.append(UntrustedText.consoleLine(figures.model) + ": success " + PerfRenderer.percent(figures.successRate)
                + ", p50 " + PerfRenderer.seconds(figures.latency?.p50) + ", p95 " + PerfRenderer.seconds(figures.latency?.p95))
        }
        for delta in document.deltas ?? [] {
            lines.append("  \(UntrustedText.consoleLine(delta.model)): success \(PerfRenderer.presence(delta.presentBefore, delta.successRateBefore)) → \(PerfRenderer.presence(delta.presentAfter, delta.successRateAfter))")
        }
        lines.append("model loads: \(document.observedLoads ?? 0) observed, \(document.minimumLoads ?? 0) minimum")
        lines.append((document.passed == true ? "PASS: every threshold holds" : "FAIL: a threshold does not hold") + "; reports in \(out)/")
        return lines.joined(separator: "\n") + "\n"
    }
}
