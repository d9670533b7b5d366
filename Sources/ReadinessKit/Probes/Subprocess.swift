import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program to completion with a time limit, capturing its exit status and output.
package enum Subprocess {
    /// How a run ended.
    package struct Result: Sendable, Equatable {
        /// The exit status, or the signal number when `signaled` is true.
        package var status: Int32
        /// Whether the process was ended by a signal (including the kill after a timeout).
        package var signaled: Bool
        /// Whether the time limit was reached and the process group was killed.
        package var timedOut: Bool
        package var stdout: String
        package var stderr: String

        /// Whether the program exited by itself with status 0.
        package var succeeded: Bool { status == 0 && !signaled && !timedOut }

        /// "exit code 2", "killed by signal 9" or "timed out after 5 s" for messages.
        package func outcome(timeout: Duration) -> String {
            if timedOut { return "timed out after \(Subprocess.format(timeout)) and was killed" }
            return signaled ? "was killed by signal \(status)" : "exited with code \(status)"
        }
    }

    /// Runs `executable` with `arguments` and waits for it, killing its whole process group at `timeout`.
    /// - Parameters:
    ///   - executable: An absolute path, or a name looked up in PATH.
    ///   - arguments: The program's arguments.
    ///   - currentDirectory: The working directory (default: inherited).
    ///   - environment: The complete environment (default: inherited).
    ///   - timeout: The time limit; the process and its children get SIGKILL when it passes.
    /// - Returns: The exit status and everything written to stdout and stderr.
    /// - Throws: `ProbeError` when the program cannot be found or started.
    package static func run(
        _ executable: String, _ arguments: [String] = [], currentDirectory: URL? = nil,
        environment: [String: String]? = nil, timeout: Duration
    ) async throws -> Result {
        let process = Process()
        process.executableURL = try locate(executable, environment: environment ?? ProcessInfo.processInfo.environment)
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment { process.environment = environment }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice

        let finished = DispatchGroup()
        let output = OutputBuffer()
        finished.enter()
        process.terminationHandler = { _ in finished.leave() }
        do {
            try launch(process)
        } catch {
            throw ProbeError.launchFailed(executable, reason: (error as NSError).localizedDescription)
        }
        // The blocking reads get threads of their own: on the shared Dispatch pool, many probes at once (the
        // test suites run in parallel) could starve them until the timeout fired on a program long finished.
        for (pipe, isError) in [(stdout, false), (stderr, true)] {
            finished.enter()
            Thread.detachNewThread {
                output.store(pipe.fileHandleForReading.readDataToEndOfFile(), isError: isError)
                finished.leave()
            }
        }
        // Foundation starts the child in its own process group, so killing the group also stops its children,
        // which would otherwise keep the pipes open and the reads above blocked.
        let pid = process.processIdentifier
        let killer = DispatchWorkItem {
            // Only a program still running when the time is up timed out (a late timer must not blame one that
            // ended); the group is killed either way, since a child left behind may hold the pipes open.
            if process.isRunning { output.markTimedOut() }
            kill(-pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval, execute: killer)
        await withCheckedContinuation { continuation in
            finished.notify(queue: .global()) { continuation.resume() }
        }
        killer.cancel()
        let captured = output.snapshot()
        return Result(
            status: process.terminationStatus,
            signaled: process.terminationReason == .uncaughtSignal,
            timedOut: captured.timedOut,
            stdout: String(decoding: captured.stdout, as: UTF8.self),
            stderr: String(decoding: captured.stderr, as: UTF8.self)
        )
    }

    /// Starts `process`, trying again a few times when it fails at once: a script written a moment ago can be
    /// "text file busy" (ETXTBSY) while another thread forks with the writer's descriptor still open, which
    /// clears within milliseconds. A program that really cannot start still fails, after about 0.3 s.
    package static func launch(_ process: Process) throws {
        var attempt = 0
        while true {
            do {
                return try process.run()
            } catch where attempt < 5 && process.executableURL.map({ FileManager.default.isExecutableFile(atPath: $0.path) }) == true {
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            }
        }
    }

    /// Resolves a program name through PATH the way a shell would.
    package static func locate(_ executable: String, environment: [String: String]) throws -> URL {
        if executable.contains("/") { return URL(fileURLWithPath: executable) }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(executable)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw ProbeError.launchFailed(executable, reason: "not found in PATH")
    }

    static func format(_ duration: Duration) -> String {
        ReportFormatting.number(duration.timeInterval, digits: 3) + " s"
    }
}

/// Output collected from the reader threads; a lock guards it, which makes the unchecked Sendable safe.
private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var stdout = Data(), stderr = Data(), timedOut = false

    func store(_ data: Data, isError: Bool) {
        lock.withLock { if isError { stderr = data } else { stdout = data } }
    }

    func markTimedOut() {
        lock.withLock { timedOut = true }
    }

    func snapshot() -> (stdout: Data, stderr: Data, timedOut: Bool) {
        lock.withLock { (stdout, stderr, timedOut) }
    }
}
