import Foundation
import ReadinessKit
import ReadinessReports

/// Reads a run's event stream once, while `swift test` writes it: the same evidence feeds the progress lines,
/// the runner's problems, the verdict and every report.
enum RunFollower {
    /// Shows progress from the growing stream until cancelled (`context.now` times the lines that say it is still
    /// building or running), then takes the last lines and checks the stream is complete.
    /// - Parameters:
    ///   - events: The `--event-stream-output-path` file.
    ///   - name: How problems call the stream (the path as the user typed it).
    /// - Returns: The evidence of the whole run.
    static func follow(_ events: URL, name: String, context: RunnerContext) async -> RunEvidence {
        var tail = EventStreamTail(url: events)
        var evidence = RunEvidence()
        var display = ProgressDisplay(isTerminal: context.isTerminal)
        while true {
            let cancelled = Task.isCancelled
            for line in tail.poll() { evidence.consume(line: line) }
            let text = display.update(evidence, at: context.now())
            if !text.isEmpty { context.output(text) }
            if cancelled { break }
            try? await Task.sleep(for: context.progressInterval)
        }
        let end = display.finish()
        if !end.isEmpty { context.output(end) }
        guard FileManager.default.fileExists(atPath: events.path) else { return RunEvidence.read(from: events) }
        evidence.finish(remainder: tail.remainder, name: name)
        return evidence
    }

    /// What the way `swift test` ended says beyond the stream: a build failure, a signal, or an exit status
    /// that contradicts a stream without failures.
    static func problems(
        of outcome: Result<SuiteRunOutcome, any Error>, evidence: RunEvidence, log: URL, runPath: String
    ) -> [RunProblem] {
        let readLog = "Read \(runPath)/swift-test.log, fix the cause, and run the check again."
        switch outcome {
        case .failure(let error):
            return [RunProblem(.runner, "'swift test' could not be started: \(error)", action: "Install Swift 6.3 or put 'swift' on PATH.")]
        case .success(let result):
            if result.signaled {
                return [RunProblem(.runner, "'swift test' was killed by signal \(result.status)", action: readLog)]
            }
            guard result.status != 0 else { return [] }
            guard evidence.lineCount > 0 else {
                let errors = logErrors(log)
                let detail = errors.isEmpty ? "" : ": " + errors.joined(separator: " | ")
                return [RunProblem(
                    .runner, "'swift test' exited with code \(result.status) before running any test (build failure?)\(detail)",
                    action: readLog
                )]
            }
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
