/// A command line split by its `CommandSpec`: option values by name, positionals, and what followed `--`.
/// Commands read it through their declarations (`Option`, `RepeatedOption`, `Flag`), never by a typed name.
struct ParsedArguments: Sendable, Equatable {
    /// The spec it was parsed against, so that validation errors print the right usage line.
    var command: String
    var usageLine: String
    var options: [String: [String]] = [:]
    /// The switches given, e.g. `--dry-run`.
    var flags: Set<String> = []
    var positionals: [String] = []
    var passthrough: [String] = []
    /// The options and switches the spec declares: reading any other is a programming error.
    var declared: Set<String> = []

    /// The option's value: its text converted, or its default when not given.
    /// - Throws: `UsageError` "--step 'zero' is not a whole number of 1 or more" for a text it cannot convert.
    func value<Value>(_ option: Option<Value>) throws -> Value {
        guard let text = text(of: option) else {
            guard let absent = option.absent else { preconditionFailure("'\(command)' reads the required \(option.argument.name) before the parser checked it") }
            return absent
        }
        guard let value = option.convert(text) else { throw error("\(option.argument.name) '\(text)' is not \(option.expected)") }
        return value
    }

    /// Every value of a repeatable option, in order.
    func values(_ option: RepeatedOption) -> [String] {
        options[checked(option)] ?? []
    }

    /// Whether a switch was given.
    func isSet(_ flag: Flag) -> Bool {
        flags.contains(checked(flag))
    }

    /// The text of an option as typed, if given (to quote it back, e.g. "waits up to 30s").
    func text<Value>(of option: Option<Value>) -> String? {
        options[checked(option)]?.last
    }

    /// Whether an option or switch was given at all, to refuse combinations.
    func isGiven(_ argument: any DeclaredArgument) -> Bool {
        let name = checked(argument)
        return flags.contains(name) || options[name] != nil
    }

    /// A usage error of this command, for values the parser could not judge (e.g. `--reason` without pause).
    func error(_ message: String) -> UsageError {
        UsageError(message, command: command, usageLine: usageLine)
    }

    private func checked(_ argument: any DeclaredArgument) -> String {
        let name = argument.argument.name
        precondition(declared.contains(name), "'\(command)' reads \(name), which its spec does not declare")
        return name
    }
}
