import OllamaKit

/// The `readiness` command as library code: finds the subcommand, parses its arguments by its spec, runs it.
package enum ReadinessCommand {
    /// Every subcommand, in the order `readiness --help` lists them.
    static let subcommands: [any Subcommand.Type] = [
        CheckCommand.self, ReportCommand.self, MergeCommand.self, GateCommand.self, InitCommand.self, PerfCommand.self,
        DiagnoseCommand.self, BuildCommand.self, ValidateCommand.self, InventoryCommand.self,
        BackupCommand.self, RollbackCommand.self, MigrateCommand.self, WatchCommand.self, HistoryCommand.self,
    ]

    /// Runs one command line in the real process.
    /// - Parameter arguments: The arguments after the program name.
    /// - Returns: The process exit status (0 ready, 1 not ready, 2 undecided or usage/config error, 3 degraded
    ///   and paused by `watch`).
    package static func main(_ arguments: [String]) async -> Int32 {
        await run(arguments, context: .live()).rawValue
    }

    /// Runs one command line in `context`.
    static func run(_ arguments: [String], context: RunnerContext) async -> ExitCode {
        guard let first = arguments.first else { return fail(usageError("Missing command"), context) }
        switch first {
        case "--version":
            context.output("readiness \(ToolVersion.current)\n")
            return .success
        case "-h", "--help", "help":
            guard arguments.count > 1 else {
                context.output(overview)
                return .success
            }
            guard let command = subcommand(arguments[1]) else { return fail(usageError("Unknown command '\(arguments[1])'"), context) }
            context.output(command.spec.help)
            return .success
        default:
            guard let command = subcommand(first) else {
                return fail(usageError(first.hasPrefix("-") ? "Unknown option '\(first)'" : "Unknown command '\(first)'"), context)
            }
            let rest = Array(arguments.dropFirst())
            if ArgumentParser.asksForHelp(rest) {
                context.output(command.spec.help)
                return .success
            }
            let parsed: any Subcommand
            do {
                parsed = try command.init(try ArgumentParser.parse(rest, spec: command.spec))
            } catch let error as UsageError {
                return fail(error, context)
            } catch {
                return fail(usageError("\(error)"), context)
            }
            return await parsed.run(in: context)
        }
    }

    private static func subcommand(_ name: String) -> (any Subcommand.Type)? {
        subcommands.first { $0.spec.name == name }
    }

    static var usageLine: String {
        "Usage: readiness COMMAND [options]"
    }

    private static func usageError(_ message: String) -> UsageError {
        UsageError(message, command: nil, usageLine: usageLine)
    }

    private static func fail(_ error: UsageError, _ context: RunnerContext) -> ExitCode {
        context.errorOutput(error.description)
        return .undecided
    }

    /// `readiness --help`.
    static var overview: String {
        """
        \(usageLine)

        Decides whether a fleet of Ollama models is ready for a migration.

        Commands:
        \(CommandSpec.table(subcommands.map { ($0.spec.name, $0.spec.abstract) }))

        Options:
        \(CommandSpec.table([("-h, --help", "Show this help; 'readiness COMMAND --help' for a command."), ("--version", "Show the version.")]))

        Exit statuses: 0 ready, 1 not ready, 2 undecided (incomplete evidence) or usage/config error;
        3 from 'watch' only: a migrated model degraded and the migration is paused.

        """
    }
}
