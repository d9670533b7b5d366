import OllamaKit

/// The `readiness` command as library code: finds the subcommand (through a group's actions), parses its
/// arguments by its spec, runs it.
package enum ReadinessCommand {
    /// Every command, in the order `readiness --help` lists them.
    static let commands: [any Command.Type] = [
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
        case "--generate-completion-script":
            guard arguments.count == 2, let shell = CompletionScript.Shell(rawValue: arguments[1]) else {
                return fail(usageError("Option '--generate-completion-script' needs one of \(CompletionScript.Shell.names)"), context)
            }
            context.output(CompletionScript.render(for: shell, commands: commands))
            return .success
        case "--generate-man-page":
            context.output(ManPage.render(commands: commands))
            return .success
        case "-h", "--help", "help":
            return help(Array(arguments.dropFirst()), context: context)
        default:
            return await run(first, Array(arguments.dropFirst()), among: commands, parent: nil, context: context)
        }
    }

    /// Finds `word` among `candidates` (the tool's commands, or a group's actions) and runs it with `rest`.
    private static func run(
        _ word: String, _ rest: [String], among candidates: [any Command.Type], parent: CommandSpec?, context: RunnerContext
    ) async -> ExitCode {
        guard let command = candidates.first(where: { $0.spec.word == word }) else {
            return fail(unknown(word, among: candidates, parent: parent), context)
        }
        let spec = command.spec
        if !spec.subcommands.isEmpty {
            guard let next = rest.first, next != "--help", next != "-h" else {
                if rest.isEmpty { return fail(spec.usageError("Missing action"), context) }
                context.output(HelpText.help(spec))
                return .success
            }
            return await run(next, Array(rest.dropFirst()), among: spec.subcommands, parent: spec, context: context)
        }
        if ArgumentParser.asksForHelp(rest) {
            context.output(HelpText.help(spec))
            return .success
        }
        guard let runnable = command as? any Subcommand.Type else { preconditionFailure("\(spec.name) neither runs nor has actions") }
        let parsed: any Subcommand
        do {
            parsed = try runnable.init(try ArgumentParser.parse(rest, spec: spec))
        } catch let error as UsageError {
            return fail(error, context)
        } catch {
            return fail(spec.usageError("\(error)"), context)
        }
        return await parsed.run(in: context)
    }

    /// `readiness help [COMMAND [ACTION]]`.
    private static func help(_ words: [String], context: RunnerContext) -> ExitCode {
        var candidates = commands
        var spec: CommandSpec?
        for word in words {
            guard let command = candidates.first(where: { $0.spec.word == word }) else {
                return fail(unknown(word, among: candidates, parent: spec), context)
            }
            spec = command.spec
            candidates = command.spec.subcommands
        }
        context.output(spec.map(HelpText.help) ?? overview)
        return .success
    }

    /// "Unknown command 'chek'; did you mean 'check'?" (or action, or option), with the usage it applies to.
    private static func unknown(_ word: String, among candidates: [any Command.Type], parent: CommandSpec?) -> UsageError {
        let kind = word.hasPrefix("-") ? "option" : parent == nil ? "command" : "action"
        let names = word.hasPrefix("-") ? topLevelOptions.map { $0.name } : candidates.map { $0.spec.word }
        let message = "Unknown \(kind) '\(word)'" + Suggestion.didYouMean(word, among: names)
        guard let parent else { return usageError(message) }
        return parent.usageError(message)
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

    /// The options of `readiness` itself.
    static let topLevelOptions = [
        ArgumentSpec(name: "--help", kind: .flag, help: "Show this help; 'readiness COMMAND --help' for a command."),
        ArgumentSpec(name: "--version", kind: .flag, help: "Show the version."),
        ArgumentSpec(name: "--generate-completion-script", kind: .option(value: "SHELL"), help: "Print a completion script for bash, zsh or fish."),
        ArgumentSpec(name: "--generate-man-page", kind: .flag, help: "Print the man page readiness(1) in roff, as 'make man' installs it."),
    ]

    /// `readiness --help`.
    static var overview: String {
        """
        \(usageLine)

        Decides whether a fleet of Ollama models is ready for a migration.

        Commands:
        \(HelpText.table(commands.map { ($0.spec.name, $0.spec.abstract) }))

        Options:
        \(HelpText.table(topLevelOptions.map { ($0.name == "--help" ? "-h, --help" : $0.synopsis, $0.help) }))

        \(HelpText.reflow(exitStatuses))

        Examples:
        \(HelpText.examples(examples))

        Environment:
        \(HelpText.environment(environment))

        """
    }

    /// The exit statuses every command keeps to.
    static let exitStatuses = """
        Exit statuses: 0 ready, 1 not ready, 2 undecided (incomplete evidence) or usage/config error;
        3 from 'watch' only: a migrated model degraded and the migration is paused.
        """

    static let examples: [CommandSpec.Example] = [
        .init("readiness check", "Run the readiness package's criteria and write the reports; exit 0 only when READY."),
        .init("readiness gate --step 1 && readiness migrate next", "In CI: open the first migration step only when its gate passes."),
        .init("readiness --generate-completion-script bash > /etc/bash_completion.d/readiness", "Install completions for bash."),
    ]

    /// Every variable some command reads, each once.
    static var environment: [EnvironmentVariable] {
        var seen = Set<String>()
        return allSpecs.flatMap(\.environment).filter { seen.insert($0.name).inserted }
    }

    /// Every spec, groups followed by their actions.
    static var allSpecs: [CommandSpec] {
        commands.flatMap { command in [command.spec] + command.spec.subcommands.map { $0.spec } }
    }
}

extension CommandSpec {
    /// A usage error of this command.
    func usageError(_ message: String) -> UsageError {
        UsageError(message, command: name, usageLine: usageLine)
    }
}
