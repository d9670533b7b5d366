/// One option (`--out DIR`) or positional argument (`EVENTS.jsonl`) of a subcommand, untyped: what parsing and
/// help text need. Commands declare it through `Option`, `RepeatedOption`, `Flag` or `Positional`.
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
    /// The variables that stand in for it when it is not given (READINESS_CONFIG for `--config`), shown in
    /// the `Environment:` section of every command that takes it.
    var environment: [EnvironmentVariable] = []

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
