import Foundation

/// Runs the readiness suites and writes their event stream; behind a protocol so tests replay recorded runs
/// instead of starting a nested `swift test`, which would wait on the lock of the build folder it runs in.
public protocol SuiteRunning: Sendable {
    /// Runs the suites to completion, writing `request.eventsFile`, `request.attachmentsDirectory` and `request.logFile`.
    /// - Returns: How the process ended.
    /// - Throws: When the process cannot be started at all.
    func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome
}

/// One run of the suites: where the evidence goes and the environment the suites see.
public struct SuiteRunRequest: Sendable, Equatable {
    public var eventsFile: URL
    public var attachmentsDirectory: URL
    /// Everything `swift test` prints goes here, so the console shows progress instead.
    public var logFile: URL
    /// The complete environment of the run (OLLAMA_HOST and READINESS_CONFIG set from the flags).
    public var environment: [String: String]
    public var currentDirectory: URL

    /// The `swift test` arguments of this run.
    public var swiftTestArguments: [String] {
        [
            "test", "--filter", RunAnalysis.suiteModule,
            "--event-stream-output-path", eventsFile.path, "--event-stream-version", "6.3",
            "--attachments-path", attachmentsDirectory.path,
        ]
    }
}

/// How a suite run ended.
public struct SuiteRunOutcome: Sendable, Equatable {
    /// The exit status, or the signal number when `signaled`.
    public var status: Int32
    public var signaled: Bool

    public init(status: Int32, signaled: Bool = false) {
        self.status = status
        self.signaled = signaled
    }
}
