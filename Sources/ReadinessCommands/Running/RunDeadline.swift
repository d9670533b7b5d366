import Foundation
import ReadinessKit
import ReadinessReports

/// readiness.json's `deadlineSeconds`: a run that passes it is stopped (as on SIGTERM) and reported UNDECIDED,
/// naming the tests that were still running, so a hung Ollama cannot hold a CI job until its own timeout.
enum RunDeadline {
    /// Runs the suites, cancelling the run once `seconds` have passed.
    /// - Returns: How the run ended, and whether the deadline stopped it.
    static func run(
        _ request: SuiteRunRequest, with runner: any SuiteRunning, seconds: Int?
    ) async -> (outcome: Result<SuiteRunOutcome, any Error>, passed: Bool) {
        let suites = Task { try await runner.run(request) }
        let watchdog = seconds.map { seconds in
            Task {
                try await Task.sleep(for: .seconds(seconds))
                suites.cancel()
            }
        }
        let outcome = await suites.result
        watchdog?.cancel()
        return (outcome, suites.isCancelled)
    }

    /// The problem a stopped run reports instead of how `swift test` ended (the signal was ours).
    static func problem(seconds: Int, evidence: RunEvidence, config: String) -> RunProblem {
        let running = evidence.functions.filter { $0.state == .running }.map(\.path)
        let waiting = evidence.functions.filter { $0.state == .declared }.count
        var message = "the run passed its deadline of \(seconds) s (deadlineSeconds in \(config)) and was stopped"
        message += running.isEmpty ? "; no test was running" : "; tests that did not finish: " + running.joined(separator: ", ")
        if waiting > 0 { message += " (\(waiting) more never started)" }
        return RunProblem(
            .runner, message,
            action: "Find why these tests take so long (an overloaded or hung Ollama?), or raise deadlineSeconds in \(config)."
        )
    }
}
