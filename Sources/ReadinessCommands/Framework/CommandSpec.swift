/// What one subcommand accepts and what it is for: the single declaration from which its parsing, its usage
/// line, its `--help` text and its usage errors are all derived.
struct CommandSpec: Sendable {
    /// The word after `readiness`, e.g. `check`.
    var name: String
    /// One line for the overview of `readiness --help`.
    var abstract: String
    /// The paragraph of `readiness NAME --help`.
    var discussion: String
    /// Options and positional arguments, in the order the usage line shows them.
    var arguments: [ArgumentSpec]
    /// What the arguments after `--` are handed to (e.g. `SWIFT-TEST-ARGUMENT`), or `nil` when none are taken.
    var passthrough: String?

    /// "Usage: readiness check [--config FILE] … [-- SWIFT-TEST-ARGUMENT...]".
    var usageLine: String {
        let parts = arguments.map(\.usage) + (passthrough.map { ["[-- \($0)...]"] } ?? [])
        return (["Usage: readiness", name] + parts).joined(separator: " ")
    }

    /// The whole `--help` text: usage line, discussion, arguments and options with their defaults.
    var help: String {
        let positionals = arguments.filter(\.isPositional).map { ($0.synopsis, $0.help) }
        let options = arguments.filter { !$0.isPositional }.map { ($0.synopsis, $0.help) } + [("-h, --help", "Show this help.")]
        var sections = [usageLine, discussion]
        if !positionals.isEmpty { sections.append("Arguments:\n" + Self.table(positionals)) }
        sections.append("Options:\n" + Self.table(options))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// Two aligned columns: the argument as typed, then its help.
    static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { "  " + $0.padding(toLength: width, withPad: " ", startingAt: 0) + "   " + $1 }.joined(separator: "\n")
    }
}

/// One option (`--out DIR`) or positional argument (`EVENTS.jsonl`) of a subcommand.
struct ArgumentSpec: Sendable {
    /// How the argument is given.
    enum Kind: Sendable, Equatable {
        /// `--name VALUE` at most once; `required` ones are shown without brackets.
        case option(value: String, required: Bool = false)
        /// `--name VALUE`, as often as wanted.
        case repeatable(value: String)
        /// `--name` alone, a switch.
        case flag
        /// A word in the given position.
        case positional(optional: Bool)
        /// One or more words, the last positional: `SHARD_DIR...`.
        case variadic
    }

    /// `--config` for an option, `EVENTS.jsonl` for a positional.
    var name: String
    var kind: Kind
    var help: String

    static func option(_ name: String, _ value: String, required: Bool = false, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .option(value: value, required: required), help: help)
    }

    static func repeatable(_ name: String, _ value: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .repeatable(value: value), help: help)
    }

    static func flag(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .flag, help: help)
    }

    static func positional(_ name: String, optional: Bool = false, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .positional(optional: optional), help: help)
    }

    static func variadic(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .variadic, help: help)
    }

    var isPositional: Bool {
        switch kind {
        case .positional, .variadic: true
        case .option, .repeatable, .flag: false
        }
    }

    var isRequired: Bool {
        switch kind {
        case .option(_, let required): required
        case .repeatable, .flag: false
        case .positional(let optional): !optional
        case .variadic: true
        }
    }

    /// The argument as the help table shows it: `--out DIR`, `EVENTS.jsonl`.
    var synopsis: String {
        switch kind {
        case .option(let value, _), .repeatable(let value): "\(name) \(value)"
        case .flag, .positional, .variadic: name
        }
    }

    /// The argument as the usage line shows it: `[--out DIR]`, `--step N`, `[--attachments DIR]...`, `[EVENTS.jsonl]`.
    var usage: String {
        switch kind {
        case .option(_, let required): required ? synopsis : "[\(synopsis)]"
        case .repeatable: "[\(synopsis)]..."
        case .flag: "[\(name)]"
        case .positional(let optional): optional ? "[\(name)]" : name
        case .variadic: "\(name)..."
        }
    }
}
