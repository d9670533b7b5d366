import Foundation

/// Runs the readiness package's tests and writes their event stream; behind a protocol so tests replay recorded
/// runs instead of starting a nested `swift test`, which would wait on the lock of the build folder it runs in.
protocol SuiteRunning: Sendable {
    /// Runs the tests to completion, writing `request.eventsFile`, `request.attachmentsDirectory` and `request.logFile`;
    /// when the calling task is cancelled (the run's deadline), stops them and returns.
    /// - Returns: How the process ended.
    /// - Throws: When the process cannot be started at all.
    func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome
}

/// One run of the readiness package's tests: where the evidence goes and the environment the tests see.
struct SuiteRunRequest: Sendable, Equatable {
    /// The folder of the readiness package (its Package.swift); `swift test` runs there.
    var packageDirectory: URL
    var eventsFile: URL
    var attachmentsDirectory: URL
    /// Everything `swift test` prints goes here, so the console shows progress instead.
    var logFile: URL
    /// The complete environment of the run (OLLAMA_HOST and READINESS_CONFIG set from the flags).
    var environment: [String: String]
    /// What the user gave after `--`, e.g. `--filter Availability`.
    var extraArguments: [String] = []

    /// The `swift test` arguments of this run.
    var swiftTestArguments: [String] {
        [
            "test", "--package-path", packageDirectory.path,
            "--event-stream-output-path", eventsFile.path, "--event-stream-version", "6.3",
            "--attachments-path", attachmentsDirectory.path,
        ] + extraArguments
    }
}

/// How a suite run ended.
struct SuiteRunOutcome: Sendable, Equatable {
    /// The exit status, or the signal number when `signaled`.
    var status: Int32
    var signaled: Bool
    /// The signal (SIGINT or SIGTERM) that made the runner stop the run, if one did.
    var interruption: Int32?

    init(status: Int32, signaled: Bool = false, interruption: Int32? = nil) {
        self.status = status
        self.signaled = signaled
        self.interruption = interruption
    }
}
