import Foundation
import ReadinessKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The world the runner talks to: environment, folders, console and clock, plus how suites are run.
/// Tests build one with captured output and a recorded suite run.
package struct RunnerContext: Sendable {
    var environment: [String: String]
    var currentDirectory: URL
    /// Whether stdout is a terminal (progress redraws one line) or not (plain lines).
    var isTerminal: Bool
    var output: @Sendable (String) -> Void
    var errorOutput: @Sendable (String) -> Void
    var now: @Sendable () -> Date
    var suiteRunner: any SuiteRunning
    /// How often `check` looks at the growing event stream.
    var progressInterval: Duration

    init(
        environment: [String: String], currentDirectory: URL, isTerminal: Bool,
        output: @escaping @Sendable (String) -> Void, errorOutput: @escaping @Sendable (String) -> Void,
        now: @escaping @Sendable () -> Date = { Date() }, suiteRunner: any SuiteRunning = SwiftTestRunner(),
        progressInterval: Duration = .milliseconds(250)
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.isTerminal = isTerminal
        self.output = output
        self.errorOutput = errorOutput
        self.now = now
        self.suiteRunner = suiteRunner
        self.progressInterval = progressInterval
    }

    /// The real process: its environment, working directory, stdout and stderr.
    package static func live() -> RunnerContext {
        RunnerContext(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
            isTerminal: isatty(STDOUT_FILENO) == 1,
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            errorOutput: { FileHandle.standardError.write(Data($0.utf8)) }
        )
    }

    /// Prints "Error: …" on stderr, on one line with control characters neutralised: the message may carry text
    /// from Ollama, a config or a file.
    func error(_ message: String) {
        errorOutput("Error: \(UntrustedText.consoleLine(message))\n")
    }

    /// Prints `lines` on stdout, each neutralised: they may quote model names, answers or paths.
    func say(_ lines: [String]) {
        output(lines.map { UntrustedText.consoleLine($0) + "\n" }.joined())
    }

    /// A path from the command line, resolved against the working directory; `relativePath` keeps it as typed.
    func url(_ path: String, isDirectory: Bool = false) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path, isDirectory: isDirectory)
            // The base must be a directory URL, or the last component of the working directory would be replaced.
            : URL(fileURLWithPath: path, isDirectory: isDirectory, relativeTo: URL(fileURLWithPath: currentDirectory.path, isDirectory: true))
    }
}
