import ReadinessKit
import ReadinessReports

/// How `readiness` ends, the contract a CI pipeline relies on.
enum ExitCode: Int32, Sendable {
    /// READY, or a command that did all it was asked.
    case success = 0
    /// NOT READY: the evidence says no, or a command found something to fix.
    case notReady = 1
    /// Could not decide: incomplete evidence, a usage error, bad input or a runner failure.
    case undecided = 2
    /// `readiness watch` only: a watched model degraded beyond tolerance and the migration is paused (or it
    /// was paused already).
    case degraded = 3

    /// The status of a verdict's outcome.
    init(_ outcome: Verdict.Outcome) {
        switch outcome {
        case .ready: self = .success
        case .notReady: self = .notReady
        case .undecided: self = .undecided
        }
    }
}
