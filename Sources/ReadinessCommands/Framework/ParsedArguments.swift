/// A command line split by its `CommandSpec`: option values by name, positionals, and what followed `--`.
struct ParsedArguments: Sendable, Equatable {
    /// The spec it was parsed against, so that validation errors print the right usage line.
    var command: String
    var usageLine: String
    var options: [String: [String]] = [:]
    /// The switches given, e.g. `--dry-run`.
    var flags: Set<String> = []
    var positionals: [String] = []
    var passthrough: [String] = []

    /// The value of a single option, if given.
    func value(_ name: String) -> String? { options[name]?.last }

    /// Whether a switch was given.
    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Every value of a repeatable option, in order.
    func values(_ name: String) -> [String] { options[name] ?? [] }

    /// A usage error of this command, for values the parser could not judge (e.g. a step of 0).
    func error(_ message: String) -> UsageError {
        UsageError(message, command: command, usageLine: usageLine)
    }
}
