import Foundation
import ReadinessKit
import ReadinessReports
import OllamaKit

/// `readiness check`: runs the readiness package's tests into `<out>/run`, following progress, then reports
/// exactly as `report` does, from the same evidence.
struct CheckCommand: Subcommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Run the readiness package's tests with 'swift test', then write the reports.",
        discussion: """
            Runs 'swift test' in the readiness package (any test target name) with an event stream, shows
            progress, then writes report.md, report.json, junit.xml and report.html into the output folder.
            Arguments after '--' go to 'swift test', e.g. '-- --filter Availability' for one criterion.
            The config and the gate are checked before the run starts. With --shard K/N the run checks a
            deterministic N-th of the (model, host) pairs, and shard 1 also the criteria checked once for the
            fleet; 'readiness merge' decides on all N.
            """,
        arguments: [
            CommonOptions.packageConfig, CommonOptions.state, CommonOptions.ollamaHosts, CommonOptions.gate, CommonOptions.reportFolder,
            waitForOllamaOption, packagePathOption, shardOption,
        ],
        passthrough: "SWIFT-TEST-ARGUMENT",
        examples: [
            .init("readiness check", "Check the fleet of ./readiness.json with the package in the current folder; exit 0 only when READY."),
            .init("readiness check --ollama http://gpu-box:11434 --wait-for-ollama 2m", "Wait up to two minutes for that Ollama to answer, then check it."),
            .init("readiness check --shard 2/3 --out shard-2", "Check a third of the (model, host) pairs, for a CI matrix; 'readiness merge' decides."),
            .init("readiness check -- --filter Availability", "Run only the availability criterion's tests."),
        ],
        environment: [.ollamaModels, .githubActions, .githubStepSummary]
    )
    static let waitForOllamaOption = Option<Duration?>.duration(
        "--wait-for-ollama", help: "first wait up to DURATION (e.g. 30s, 2m) for each Ollama to answer GET /api/version"
    )
    static let packagePathOption = Option<String?>.text(
        "--package-path", "DIR", help: "the readiness package (default: the current folder, else its nearest parent with a Package.swift)"
    )
    static let shardOption = Option<Shard?>(
        "--shard", "K/N", absent: .some(nil),
        help: "check only the K-th of N parts of the (model, host) pairs, for a CI matrix; merge the parts with 'readiness merge'",
        expected: "K/N with 1 ≤ K ≤ N ≤ \(Shard.maximumCount), e.g. 2/3"
    ) { Shard(parsing: $0).map(Optional.some) }

    var config: ConfigLocation
    var ollama: [String]
    var gate: String
    var out: String
    var packagePath: String?
    /// `--wait-for-ollama` as typed, and as parsed.
    var waitForOllama: (text: String, duration: Duration)?
    var swiftTestArguments: [String]
    var shard: Shard?

    init(_ arguments: ParsedArguments) throws {
        config = try ConfigLocation(arguments, config: CommonOptions.packageConfig)
        ollama = arguments.values(CommonOptions.ollamaHosts)
        gate = try arguments.value(CommonOptions.gate)
        out = try arguments.value(CommonOptions.reportFolder)
        packagePath = try arguments.value(Self.packagePathOption)
        if let duration = try arguments.value(Self.waitForOllamaOption), let text = arguments.text(of: Self.waitForOllamaOption) {
            waitForOllama = (text, duration)
        }
        swiftTestArguments = arguments.passthrough
        shard = try arguments.value(Self.shardOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        await OutputLock.holding(out, context: context) { await runHoldingLock(in: context) }
    }

    private func runHoldingLock(in context: RunnerContext) async -> ExitCode {
        let runPath = out + "/run"
        let run = context.url(runPath, isDirectory: true)
        let events = run.appendingPathComponent("events.jsonl")
        let attachments = run.appendingPathComponent("attachments", isDirectory: true)
        // The last run's evidence goes first: a run that dies must not leave it for a later 'report' to read as its own.
        do {
            if FileManager.default.fileExists(atPath: run.path) { try FileManager.default.removeItem(at: run) }
        } catch {
            context.error("could not remove the last run's '\(runPath)': \((error as NSError).localizedDescription). Check that --out is writable.")
            return .undecided
        }
        let package: URL
        do {
            package = try PackageLocator.locate(packagePath, context: context)
        } catch {
            return publish(
                RunEvidence(), LoadedConfig.load(config, ollama: ollama, context: context),
                problems: [RunProblem(.runner, "\(error)", action: "Point 'readiness check' at your readiness package.")],
                context: context
            )
        }
        let loaded = LoadedConfig.load(config, ollama: ollama, defaultFolder: package, context: context)
        // A config that does not load, or lacks the gate, would make any run undecided: report it at once.
        guard let fleet = loaded.config, fleet.gate(named: gate) != nil else {
            return publish(RunEvidence(), loaded, problems: [], context: context)
        }
        if let problem = emptyShardProblem(fleet) {
            return publish(RunEvidence(), loaded, problems: [problem], context: context)
        }
        if let waitForOllama {
            for host in fleet.ollama.hosts {
                context.output(UntrustedText.consoleLine("Waiting up to \(waitForOllama.text) for Ollama at \(OllamaHost.redacted(host.absoluteString))…") + "\n")
                guard await OllamaWait.answers(host, within: waitForOllama.duration) else {
                    return publish(RunEvidence(), loaded, problems: [OllamaWait.problem(host: host, duration: waitForOllama.text)], context: context)
                }
            }
        }
        do {
            try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
        } catch {
            context.error("could not create '\(runPath)': \((error as NSError).localizedDescription). Check that --out is writable.")
            return .undecided
        }

        var environment = context.environment.merging(LoadedConfig.environment(ollama: ollama)) { _, new in new }
        environment["READINESS_CONFIG"] = loaded.file.path
        // The runner owns the shard: the suites check the one the report expects, and none when unsharded.
        environment[Shard.variable] = shard?.description
        let request = SuiteRunRequest(
            packageDirectory: package, eventsFile: events, attachmentsDirectory: attachments,
            logFile: run.appendingPathComponent("swift-test.log"), environment: environment, extraArguments: swiftTestArguments
        )
        context.output(UntrustedText.consoleLine("Running: swift \(request.swiftTestArguments.joined(separator: " "))") + "\n(output in \(UntrustedText.consoleLine(runPath))/swift-test.log)\n")

        let follower = Task { await RunFollower.follow(events, name: runPath + "/events.jsonl", context: context) }
        let (outcome, deadlinePassed) = await RunDeadline.run(request, with: context.suiteRunner, seconds: fleet.deadlineSeconds)
        follower.cancel()
        let evidence = await follower.value
        if case .success(let ended) = outcome, let signal = ended.interruption {
            // An interrupted run decides nothing; the reports of the last finished run stay as they were.
            context.errorOutput(UntrustedText.consoleLine("Interrupted by signal \(signal): the run was stopped and nothing was reported; the reports in '\(out)' are those of an earlier run.") + "\n")
            return .undecided
        }
        let problems = if deadlinePassed, let seconds = fleet.deadlineSeconds {
            [RunDeadline.problem(seconds: seconds, evidence: evidence, config: loaded.file.lastPathComponent)]
        } else {
            RunFollower.problems(of: outcome, evidence: evidence, log: request.logFile, runPath: runPath)
        }
        return publish(evidence, loaded, problems: problems, context: context)
    }

    /// The problem of a `--shard K/N` that would check no (model, host) pair: N is more than the fleet has.
    private func emptyShardProblem(_ fleet: ReadinessConfig) -> RunProblem? {
        guard let shard else { return nil }
        let plan = CheckPlan(config: fleet, shard: shard)
        guard plan.checkedPairs.isEmpty, !plan.pairs.isEmpty else { return nil }
        return RunProblem(
            .config, "--shard \(shard) checks nothing: the fleet has \(plan.pairs.count) (model, host) pairs, fewer than \(shard.count) shards",
            action: "Use at most \(plan.pairs.count) shards."
        )
    }

    /// Reports on `evidence`, read once while following the run.
    private func publish(_ evidence: RunEvidence, _ loaded: LoadedConfig, problems: [RunProblem], context: RunnerContext) -> ExitCode {
        let runPath = out + "/run"
        let report = ReadinessReport.build(from: evidence, context: loaded.reportContext(
            gate: gate, events: runPath + "/events.jsonl", attachments: [runPath + "/attachments"],
            runnerProblems: problems, shard: shard, context: context
        ))
        let status = ReportPublisher.publish(report, out: out, context: context)
        if let fleet = loaded.config {
            FleetSession(config: fleet, context: context).record(
                "check", outcome: report.verdict.rawValue, metrics: report.metrics(), ollamaVersion: report.ollama.version,
                changes: [report.summary], ifStarted: true)
        }
        return status
    }
}
