import Dispatch
import Foundation
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

    init(swift: String = "swift") {
        self.swift = swift
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

        // Foundation puts the child in its own process group, so Ctrl-C at the terminal would not reach it:
        // forward SIGINT and SIGTERM, and the unfinished stream then reports the run as interrupted.
        let forwarders = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { kill(-process.processIdentifier, signalNumber) }
            source.resume()
            return source
        }
        defer {
            forwarders.forEach { $0.cancel() }
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: ProbeError.launchFailed(swift, reason: (error as NSError).localizedDescription))
            }
        }
        return SuiteRunOutcome(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal
        )
    }
}
