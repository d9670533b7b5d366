import OllamaKit

/// The command line of `ollama-sim`: `--scenario FILE [--host HOST] [--port PORT] [-- COMMAND ARG...]`,
/// or `-h`/`--help`, or `--version`.
package struct SimulatorOptions: Equatable, Sendable {
    /// The scenario file to serve.
    package var scenarioPath: String
    /// The IPv4 address to bind.
    package var host: String
    /// The port to bind; 0 picks a free one.
    package var port: Int
    /// A command to run while the server is up (after `--`); the simulator exits with its status.
    package var command: [String]
    /// `-h` or `--help` was given: print the help and exit.
    package var help: Bool
    /// `--version` was given: print the version and exit.
    package var version: Bool

    package init(
        scenarioPath: String, host: String = "127.0.0.1", port: Int = 11434, command: [String] = [],
        help: Bool = false, version: Bool = false
    ) {
        self.scenarioPath = scenarioPath
        self.host = host
        self.port = port
        self.command = command
        self.help = help
        self.version = version
    }

    /// The options that take a value.
    package static let valueOptions = ["--scenario", "--host", "--port"]
    /// The options that take none.
    package static let flags = ["-h", "--help", "--version"]

    /// The one-line synopsis printed under usage errors.
    package static let usage = "Usage: ollama-sim --scenario FILE [--host HOST] [--port PORT] [-- COMMAND [ARG...]]"

    /// What `--version` prints.
    package static let versionText = "ollama-sim \(ToolVersion.current)"

    /// What a usage error prints on standard error: the error, the usage line and where to get help.
    package static func errorText(_ error: UsageError) -> String {
        "Error: \(error)\n\(usage)\nSee 'ollama-sim --help' for more information."
    }

    /// The text `--help` prints.
    package static let helpText = """
        ollama-sim: an Ollama-compatible HTTP server driven by a scenario file.

        \(usage)

        Options:
          --scenario FILE   The scenario to serve (models, replies, latencies, faults). Required.
          --host HOST       IPv4 address to bind (default 127.0.0.1).
          --port PORT       Port to bind; 0 picks a free one (default 11434, Ollama's).
          -h, --help        Show this help.
          --version         Print the version ("ollama-sim \(ToolVersion.current)").
          -- COMMAND ...    Run COMMAND with OLLAMA_HOST set to the server, then stop and exit with its status.

        The first line on standard output is "listening on http://HOST:PORT". SIGINT or SIGTERM stops the
        server (exit 0). Exit status 1 means the address cannot be bound, 2 a usage error or a bad scenario file.
        """

    /// Parses the arguments after the program name; options take `--name value` or `--name=value`,
    /// a repeated option keeps its last value, and everything after `--` is the command.
    /// `--scenario` is required unless help or the version is asked for.
    /// - Throws: `UsageError` for an unknown option, a missing or bad value, or a missing `--scenario`.
    package static func parse(_ arguments: [String]) throws -> SimulatorOptions {
        var options = SimulatorOptions(scenarioPath: "")
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument == "--" {
                options.command = Array(remaining)
                guard !options.command.isEmpty else { throw UsageError.missingCommand }
                break
            }
            if flags.contains(argument) {
                if argument == "--version" { options.version = true } else { options.help = true }
                continue
            }
            guard argument.hasPrefix("--") else {
                // A dash marks an option, even one this tool lacks; anything else is a stray argument.
                throw argument.count > 1 && argument.hasPrefix("-") ? UsageError.unknownOption(argument) : UsageError.unexpectedArgument(argument)
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard !flags.contains(name) else { throw UsageError.unexpectedValue(name) }
            guard valueOptions.contains(name) else { throw UsageError.unknownOption(name) }
            let value: String
            if parts.count == 2 {
                value = String(parts[1])
            } else if let next = remaining.first, !next.hasPrefix("--") {
                value = remaining.removeFirst()
            } else {
                throw UsageError.missingValue(name)
            }
            guard !value.isEmpty else { throw UsageError.missingValue(name) }
            switch name {
            case "--scenario": options.scenarioPath = value
            case "--host": options.host = value
            default:
                guard let port = Int(value), (0...65535).contains(port) else { throw UsageError.badPort(value) }
                options.port = port
            }
        }
        if !options.help && !options.version && options.scenarioPath.isEmpty { throw UsageError.missingScenario }
        return options
    }
}

/// A command line `ollama-sim` cannot run; the description is the sentence after "Error: ".
package struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case unknownOption(String)
        case missingValue(String)
        case unexpectedValue(String)
        case badPort(String)
        case unexpectedArgument(String)
        case missingScenario
        case missingCommand
    }

    private let code: Code

    /// An option the simulator does not have.
    package static func unknownOption(_ name: String) -> UsageError { UsageError(code: .unknownOption(name)) }
    /// An option given without its value.
    package static func missingValue(_ name: String) -> UsageError { UsageError(code: .missingValue(name)) }
    /// A flag given a value.
    package static func unexpectedValue(_ name: String) -> UsageError { UsageError(code: .unexpectedValue(name)) }
    /// A port that is not 0...65535.
    package static func badPort(_ value: String) -> UsageError { UsageError(code: .badPort(value)) }
    /// A bare argument where an option belongs.
    package static func unexpectedArgument(_ value: String) -> UsageError { UsageError(code: .unexpectedArgument(value)) }
    /// No `--scenario`.
    package static let missingScenario = UsageError(code: .missingScenario)
    /// `--` with nothing after it.
    package static let missingCommand = UsageError(code: .missingCommand)

    package var description: String {
        switch code {
        case .unknownOption(let name): "Unknown option '\(name)'"
        case .missingValue(let name): "Missing value for option '\(name)'"
        case .unexpectedValue(let name): "Option '\(name)' takes no value"
        case .badPort(let value): "Invalid port '\(value)': use a number from 0 to 65535"
        case .unexpectedArgument(let value): "Unexpected argument '\(value)'"
        case .missingScenario: "Missing option '--scenario FILE'"
        case .missingCommand: "Missing command after '--'"
        }
    }
}
