/// Something a command declares once and reads back typed: an option, a repeatable option or a switch. The
/// `argument` is what parsing, usage lines, `--help`, completions and the man page are derived from.
protocol DeclaredArgument: Sendable {
    var argument: ArgumentSpec { get }
}

/// `--name VALUE` at most once, read back as a `Value`: the text converted, or `absent` when not given.
struct Option<Value: Sendable>: DeclaredArgument {
    let argument: ArgumentSpec
    /// The value when the option is not given; `nil` for a required option (the parser refuses its absence).
    let absent: Value?
    /// The value of a text, or `nil` when the text cannot be one.
    let convert: @Sendable (String) -> Value?
    /// What a right value looks like, for the usage error: "a whole number of 1 or more".
    let expected: String
}

/// `--name VALUE` as often as wanted, read back as every value in order.
struct RepeatedOption: DeclaredArgument {
    let argument: ArgumentSpec

    init(_ name: String, _ value: String, environment: [EnvironmentVariable] = [], help: String) {
        argument = ArgumentSpec(name: name, kind: .repeatable(value: value), help: help, environment: environment)
    }
}

/// `--name` alone, a switch, read back as whether it was given.
struct Flag: DeclaredArgument {
    let argument: ArgumentSpec

    init(_ name: String, help: String) {
        argument = ArgumentSpec(name: name, kind: .flag, help: help)
    }
}

/// A word in a given position (`EVENTS.jsonl`), or the last positional taking one or more (`SHARD_DIR...`).
struct Positional: DeclaredArgument {
    let argument: ArgumentSpec

    init(_ name: String, optional: Bool = false, help: String) {
        argument = ArgumentSpec(name: name, kind: .positional(optional: optional), help: help)
    }

    init(variadic name: String, help: String) {
        argument = ArgumentSpec(name: name, kind: .variadic, help: help)
    }
}

extension Option {
    /// An option whose text becomes a value through `convert`; `absent` is its default (`nil`: required).
    init(
        _ name: String, _ value: String, absent: Value?, environment: [EnvironmentVariable] = [], help: String,
        expected: String, convert: @escaping @Sendable (String) -> Value?
    ) {
        argument = ArgumentSpec(name: name, kind: .option(value: value, required: absent == nil), help: help, environment: environment)
        self.absent = absent
        self.convert = convert
        self.expected = expected
    }
}

extension Option where Value == String {
    /// A text taken as typed, `defaultValue` when not given.
    static func text(_ name: String, _ value: String, default defaultValue: String, help: String) -> Option {
        Option(name, value, absent: defaultValue, help: help, expected: "a value") { $0 }
    }
}

extension Option where Value == String? {
    /// A text taken as typed, `nil` when not given.
    static func text(_ name: String, _ value: String, environment: [EnvironmentVariable] = [], help: String) -> Option {
        Option(name, value, absent: .some(nil), environment: environment, help: help, expected: "a value") { $0 }
    }
}

extension Option where Value == Int? {
    /// A whole number of 1 or more, `nil` when not given.
    static func count(_ name: String, _ value: String, help: String) -> Option {
        Option(name, value, absent: .some(nil), help: help, expected: CountArgument.expected) { CountArgument.parse($0).map(Optional.some) }
    }
}

extension Option where Value == Int {
    /// A whole number of 1 or more that must be given.
    static func requiredCount(_ name: String, _ value: String, help: String) -> Option {
        Option(name, value, absent: nil, help: help, expected: CountArgument.expected) { CountArgument.parse($0) }
    }
}

extension Option where Value == Duration? {
    /// A duration such as `30s` (`DurationArgument`), `nil` when not given.
    static func duration(_ name: String, help: String) -> Option {
        Option(name, "DURATION", absent: .some(nil), help: help, expected: DurationArgument.expected) { DurationArgument.parse($0).map(Optional.some) }
    }
}
