/// What one subcommand accepts and what it is for: the single declaration from which its parsing, its usage
/// line, its `--help` text, its usage errors, shell completions and man page section are all derived.
struct CommandSpec: Sendable {
    /// The words after `readiness`, e.g. `check` or `migrate next`.
    var name: String
    /// One line for the overview of `readiness --help`.
    var abstract: String
    /// The paragraphs of `readiness NAME --help`, reflowed to the help's width.
    var discussion: String
    /// Options and positional arguments, in the order the usage line shows them.
    var arguments: [ArgumentSpec]
    /// What the arguments after `--` are handed to (e.g. `SWIFT-TEST-ARGUMENT`), or `nil` when none are taken.
    var passthrough: String?
    /// Command lines a reader can copy, each with what it does.
    var examples: [Example]
    /// Variables the command reads besides those its options stand in for (`ArgumentSpec.environment`).
    var readsEnvironment: [EnvironmentVariable]
    /// For a command of actions (`migrate`): the actions, each a command of its own.
    var subcommands: [any Command.Type]

    init(
        name: String, abstract: String, discussion: String, arguments: [any DeclaredArgument] = [], passthrough: String? = nil,
        examples: [Example], environment: [EnvironmentVariable] = [], subcommands: [any Command.Type] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments.map(\.argument)
        self.passthrough = passthrough
        self.examples = examples
        self.readsEnvironment = environment
        self.subcommands = subcommands
    }

    /// A command line of the `Examples:` section.
    struct Example: Sendable {
        var commandLine: String
        var explanation: String

        init(_ commandLine: String, _ explanation: String) {
            self.commandLine = commandLine
            self.explanation = explanation
        }
    }

    /// The last word of `name`, as typed after its parent.
    var word: String { String(name.split(separator: " ").last ?? "") }

    /// Every variable the command reads: its options' then its own, each once.
    var environment: [EnvironmentVariable] {
        var seen = Set<String>()
        return (arguments.flatMap(\.environment) + readsEnvironment).filter { seen.insert($0.name).inserted }
    }

    /// "Usage: readiness check [--config FILE] … [-- SWIFT-TEST-ARGUMENT...]", wrapped to the help's width.
    var usageLine: String {
        let parts = subcommands.isEmpty
            ? arguments.map(\.usage) + (passthrough.map { ["[-- \($0)...]"] } ?? [])
            : ["ACTION", "[options]"]
        return HelpText.wrapWords(parts, after: "Usage: readiness \(name) ")
    }
}

/// Anything `readiness` can be asked for by name: a subcommand that runs, or a group of actions.
protocol Command: Sendable {
    /// Name, summary, options and arguments: parsing, `--help` and usage errors are derived from it.
    static var spec: CommandSpec { get }
}
