/// One subcommand of `readiness`. Adding one is a file with a type conforming to this, plus its line in
/// `ReadinessCommand.subcommands`.
protocol Subcommand: Sendable {
    /// Name, summary, options and arguments: parsing, `--help` and usage errors are derived from it.
    static var spec: CommandSpec { get }

    /// Reads the parsed arguments, checking what can be checked without touching files or the network.
    /// - Throws: `UsageError` (via `arguments.error`) for a value that cannot be right.
    init(_ arguments: ParsedArguments) throws

    /// Does the work, writing to the context's console.
    func run(in context: RunnerContext) async -> ExitCode
}
