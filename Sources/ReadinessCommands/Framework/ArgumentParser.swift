/// Splits a subcommand's arguments by its spec: `--k v`, `--k=v`, repeatable options, positionals, and `--`
/// after which every argument is a positional (or, for a spec with `passthrough`, handed on untouched).
enum ArgumentParser {
    /// Parses the arguments that follow the subcommand's name.
    /// - Throws: `UsageError` naming the unknown option, missing value or extra argument.
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        let options = Dictionary(spec.arguments.compactMap { argument -> (String, ArgumentSpec.Kind)? in
            argument.isPositional ? nil : (argument.name, argument.kind)
        }, uniquingKeysWith: { first, _ in first })
        var parsed = ParsedArguments(command: spec.name, usageLine: spec.usageLine, declared: Set(options.keys))
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded {
                if spec.passthrough != nil { parsed.passthrough.append(argument) } else { parsed.positionals.append(argument) }
                continue
            }
            if argument == "--" { optionsEnded = true; continue }
            if !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            let name = String(argument.prefix { $0 != "=" })
            guard let kind = options[name] else {
                throw parsed.error("Unknown option '\(name)'" + Suggestion.didYouMean(name, among: options.keys.sorted()))
            }
            if kind == .flag {
                guard name.count == argument.count else { throw parsed.error("Option '\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            var value = name.count < argument.count ? String(argument.dropFirst(name.count + 1)) : ""
            if name.count == argument.count, index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            }
            guard !value.isEmpty else { throw parsed.error("Missing value for option '\(name)'") }
            if case .option = kind, parsed.options[name] != nil {
                throw parsed.error("Option '\(name)' was given more than once")
            }
            parsed.options[name, default: []].append(value)
        }
        try check(parsed, against: spec)
        return parsed
    }

    /// Whether `arguments` ask for help before any `--`.
    static func asksForHelp(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    private static func check(_ parsed: ParsedArguments, against spec: CommandSpec) throws {
        let positionals = spec.arguments.filter(\.isPositional)
        let required = positionals.filter(\.isRequired)
        if parsed.positionals.count > positionals.count, positionals.last?.kind != .variadic {
            throw parsed.error("Unexpected argument '\(parsed.positionals[positionals.count])'")
        }
        if parsed.positionals.count < required.count {
            throw parsed.error("Missing argument '\(required[parsed.positionals.count].name)'")
        }
        for option in spec.arguments where !option.isPositional && option.isRequired && parsed.options[option.name] == nil {
            throw parsed.error("Missing option '\(option.synopsis)'")
        }
    }
}
