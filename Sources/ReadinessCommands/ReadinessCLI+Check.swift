import Foundation
import ReadinessKit

extension ReadinessCLI {
    /// `readiness check`: runs the suites into `<out>/run`, following progress, then reports exactly as `report` does.
    static func check(_ options: Invocation.CheckOptions, context: RunnerContext) async -> Int32 {
        let loaded = loadConfig(options.config, ollama: options.ollama, context: context)
        let out = context.url(options.out, isDirectory: true)
        let run = out.appendingPathComponent("run", isDirectory: true)
        let events = run.appendingPathComponent("events.jsonl")
        let attachments = run.appendingPathComponent("attachments", isDirectory: true)
        let runPath = options.out + "/run"
        func finish(_ runnerProblems: [RunProblem]) -> Int32 {
            let report = ReadinessReport.build(
                from: loaded.config == nil ? RunEvidence() : RunEvidence.read(from: events),
                context: reportContext(
                    loaded, gate: options.gate, events: runPath + "/events.jsonl", attachments: [runPath + "/attachments"],
                    runnerProblems: runnerProblems, context: context
                )
            )
            return publish(report, out: options.out, context: context)
        }
        // A config that does not load would fail every suite: report it instead of running them.
        guard loaded.config != nil else { return finish([]) }
        do {
            try? FileManager.default.removeItem(at: run)
            try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
        } catch {
            context.errorOutput("Error: could not create '\(runPath)': \((error as NSError).localizedDescription). Check that --out is writable.\n")
            return 2
        }

        var environment = context.environment
        environment["READINESS_CONFIG"] = loaded.file.path
        if let ollama = options.ollama { environment["OLLAMA_HOST"] = ollama }
        let request = SuiteRunRequest(
            eventsFile: events, attachmentsDirectory: attachments, logFile: run.appendingPathComponent("swift-test.log"),
            environment: environment, currentDirectory: context.currentDirectory
        )
        context.output("Running: swift \(request.swiftTestArguments.joined(separator: " "))\n(output in \(runPath)/swift-test.log)\n")

        let progress = Task { await follow(events, context: context) }
        let outcome: Result<SuiteRunOutcome, any Error>
        do {
            outcome = .success(try await context.suiteRunner.run(request))
        } catch {
            outcome = .failure(error)
        }
        progress.cancel()
        _ = await progress.value
        return finish(runnerProblems(outcome, events: events, log: request.logFile, runPath: runPath))
    }

    /// Shows progress from the growing event stream until cancelled, then once more for the last lines.
    private static func follow(_ events: URL, context: RunnerContext) async {
        var tail = EventStreamTail(url: events)
        var evidence = RunEvidence()
        var display = ProgressDisplay(isTerminal: context.isTerminal)
        while true {
            let cancelled = Task.isCancelled
            for line in tail.poll() { evidence.consume(line: line) }
            let text = display.update(evidence)
            if !text.isEmpty { context.output(text) }
            if cancelled { break }
            try? await Task.sleep(for: context.progressInterval)
        }
        let end = display.finish()
        if !end.isEmpty { context.output(end) }
    }

    /// What the way `swift test` ended says beyond the stream: a build failure, a signal, or an exit status
    /// that contradicts a stream without failures.
    static func runnerProblems(_ outcome: Result<SuiteRunOutcome, any Error>, events: URL, log: URL, runPath: String) -> [RunProblem] {
        let readLog = "Read \(runPath)/swift-test.log, fix the cause, and run the check again."
        switch outcome {
        case .failure(let error):
            return [RunProblem(.runner, "'swift test' could not be started: \(error)", action: "Install Swift 6.3 or put 'swift' on PATH.")]
        case .success(let result):
            if result.signaled {
                return [RunProblem(.runner, "'swift test' was killed by signal \(result.status)", action: readLog)]
            }
            guard result.status != 0 else { return [] }
            guard FileManager.default.fileExists(atPath: events.path) else {
                let errors = logErrors(log)
                let detail = errors.isEmpty ? "" : ": " + errors.joined(separator: " | ")
                return [RunProblem(
                    .runner, "'swift test' exited with code \(result.status) before running any test (build failure?)\(detail)",
                    action: readLog
                )]
            }
            let evidence = RunEvidence.read(from: events)
            let failed = evidence.tests.contains(where: \.failed) || !evidence.runFailures.isEmpty
            guard !failed, evidence.runEnded != nil else { return [] }
            return [RunProblem(
                .runner, "'swift test' exited with code \(result.status) although no readiness test failed", action: readLog
            )]
        }
    }

    /// The compiler's diagnostics in a `swift test` log (`file:line:col: error: …`, at most five, without duplicates),
    /// else its plain `error:` lines.
    static func logErrors(_ log: URL) -> [String] {
        let lines = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let located = lines.filter { $0.contains(": error: ") && !$0.hasPrefix("|") }
        var errors: [String] = []
        for line in located.isEmpty ? lines.filter({ $0.hasPrefix("error: ") }) : located where !errors.contains(line) {
            if errors.count < 5 { errors.append(line) }
        }
        return errors
    }
}
