/// Parses `readiness` command lines: `--k v`, `--k=v`, repeatable options, `--` before positional arguments.
enum CommandLineParser {
    /// Turns the arguments after the program name into an invocation.
    /// - Throws: `UsageError` with the message STYLE.md asks for.
    static func parse(_ arguments: [String]) throws -> Invocation {
        guard let first = arguments.first else { throw UsageError("Missing command: check, report or gate", command: nil) }
        if ["--help", "-h", "help"].contains(first) {
            guard arguments.count > 1 else { return .help(nil) }
            guard let command = Invocation.Command(rawValue: arguments[1]) else {
                throw UsageError("Unknown command '\(arguments[1])'", command: nil)
            }
            return .help(command)
        }
        if first == "--version" { return .version }
        guard let command = Invocation.Command(rawValue: first) else {
            throw UsageError(first.hasPrefix("-") ? "Unknown option '\(first)'" : "Unknown command '\(first)'", command: nil)
        }
        let rest = Array(arguments.dropFirst())
        if rest.prefix(while: { $0 != "--" }).contains(where: { $0 == "--help" || $0 == "-h" }) { return .help(command) }
        let parsed = try Parsed(rest, spec: spec(command), command: command)
        return try parsed.invocation()
    }

    private struct Spec {
        var single: Set<String>
        var repeatable: Set<String> = []
        var positionals: [String] = []
        var optionalPositionals: [String] = []
    }

    private static func spec(_ command: Invocation.Command) -> Spec {
        switch command {
        case .check: Spec(single: ["--config", "--ollama", "--gate", "--out"])
        case .report: Spec(single: ["--config", "--gate", "--out"], repeatable: ["--attachments"], positionals: ["EVENTS.jsonl"])
        case .gate:
            Spec(single: ["--step", "--config", "--out"], repeatable: ["--attachments"], optionalPositionals: ["EVENTS.jsonl"])
        }
    }

    private struct Parsed {
        var command: Invocation.Command
        var values: [String: [String]] = [:]
        var positionals: [String] = []

        init(_ arguments: [String], spec: Spec, command: Invocation.Command) throws {
            self.command = command
            var index = 0
            var optionsEnded = false
            while index < arguments.count {
                let argument = arguments[index]
                index += 1
                if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                    positionals.append(argument)
                    continue
                }
                if argument == "--" { optionsEnded = true; continue }
                let name: String, inline: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                } else {
                    name = argument
                    inline = nil
                }
                guard spec.single.contains(name) || spec.repeatable.contains(name) else {
                    throw UsageError("Unknown option '\(name)'", command: command)
                }
                let value: String
                if let inline {
                    value = inline
                } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                    value = arguments[index]
                    index += 1
                } else {
                    value = ""
                }
                guard !value.isEmpty else { throw UsageError("Missing value for option '\(name)'", command: command) }
                if spec.single.contains(name), values[name] != nil {
                    throw UsageError("Option '\(name)' was given more than once", command: command)
                }
                values[name, default: []].append(value)
            }
            let allowed = spec.positionals.count + spec.optionalPositionals.count
            if positionals.count > allowed {
                throw UsageError("Unexpected argument '\(positionals[allowed])'", command: command)
            }
            if positionals.count < spec.positionals.count {
                throw UsageError("Missing argument '\(spec.positionals[positionals.count])'", command: command)
            }
        }

        func value(_ name: String) -> String? { values[name]?.last }

        func invocation() throws -> Invocation {
            switch command {
            case .check:
                var options = Invocation.CheckOptions()
                options.config = value("--config")
                options.ollama = value("--ollama")
                options.gate = value("--gate") ?? options.gate
                options.out = value("--out") ?? options.out
                return .check(options)
            case .report:
                var options = Invocation.ReportOptions(events: positionals[0])
                options.config = value("--config")
                options.attachments = values["--attachments"] ?? []
                options.gate = value("--gate") ?? options.gate
                options.out = value("--out") ?? options.out
                return .report(options)
            case .gate:
                guard let text = value("--step") else { throw UsageError("Missing option '--step N'", command: command) }
                guard let step = Int(text), step >= 1 else {
                    throw UsageError("Option '--step' needs a whole number of 1 or more, got '\(text)'", command: command)
                }
                var options = Invocation.GateOptions(step: step)
                options.config = value("--config")
                options.out = value("--out") ?? options.out
                options.events = positionals.first
                options.attachments = values["--attachments"] ?? []
                if options.events == nil, !options.attachments.isEmpty {
                    throw UsageError("Option '--attachments' needs an EVENTS.jsonl argument", command: command)
                }
                return .gate(options)
            }
        }
    }
}
