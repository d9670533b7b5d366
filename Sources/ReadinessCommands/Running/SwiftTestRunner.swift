import Dispatch
import Foundation
import Synchronization
import ReadinessKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the suites with the real `swift test`, its output going to the run's log file.
struct SwiftTestRunner: SuiteRunning {
    /// The `swift` executable: a path, or a name looked up in PATH.
    var swift: String
    /// How long the run may take to stop after SIGINT or SIGTERM before it is killed.
    var gracePeriod: Duration

    init(swift: String = "swift", gracePeriod: Duration = .seconds(3)) {
        self.swift = swift
        self.gracePeriod = gracePeriod
    }

    func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome {
        let process = Process()
        process.executableURL = try Subprocess.locate(swift, environment: request.environment)
        process.arguments = request.swiftTestArguments
        process.environment = request.environment
        process.currentDirectoryURL = request.packageDirectory
        _ = FileManager.default.createFile(atPath: request.logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: request.logFile)
        defer { try? log.close() }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice

        // SIGINT (Ctrl-C) and SIGTERM (a cancelled CI job) stop the whole run: `swift test` and the test binary
        // it starts in a group of its own, so nothing goes on writing into the output folder afterwards.
        let interruption = Mutex<Int32?>(nil)
        let forwarders = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                let isFirst = interruption.withLock { received -> Bool in
                    guard received == nil else { return false }
                    received = signalNumber
                    return true
                }
                guard isFirst else { return }
                ProcessTree.stop(ProcessTree.members(under: process.processIdentifier), with: signalNumber, grace: gracePeriod)
            }
            source.resume()
            return source
        }
        defer {
            forwarders.forEach { $0.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        // Cancelling the run (the whole-run deadline) stops it as SIGTERM does.
        let grace = gracePeriod
        let stop: @Sendable () -> Void = {
            guard process.isRunning, process.processIdentifier > 0 else { return }
            DispatchQueue.global().async { ProcessTree.stop(ProcessTree.members(under: process.processIdentifier), with: SIGTERM, grace: grace) }
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                process.terminationHandler = { _ in continuation.resume() }
                do {
                    try Subprocess.launch(process)
                    if Task.isCancelled { stop() }
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: ProbeError.launchFailed(swift, reason: (error as NSError).localizedDescription))
                }
            }
        } onCancel: {
            stop()
        }
        return SuiteRunOutcome(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
            interruption: interruption.withLock { $0 }
        )
    }
}
