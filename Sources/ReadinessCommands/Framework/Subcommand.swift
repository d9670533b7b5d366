/// One subcommand of `readiness` that runs. Adding one is a file with a type conforming to this, plus its line
/// in `ReadinessCommand.commands` (or in its group's `subcommands`).
protocol Subcommand: Command {
    /// Reads the parsed arguments, checking what can be checked without touching files or the network.
    /// - Throws: `UsageError` (via `arguments.error`) for a value that cannot be right.
    init(_ arguments: ParsedArguments) throws

    /// Does the work, writing to the context's console.
    func run(in context: RunnerContext) async -> ExitCode
}
