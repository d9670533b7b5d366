import Testing
@testable import ReadinessCommands

struct ArgumentParserTests {
    static let checkUsage = "Usage: readiness check [--config FILE] [--ollama URL]... [--gate NAME] [--out DIR] [--wait-for-ollama DURATION] [--package-path DIR] [--shard K/N] [-- SWIFT-TEST-ARGUMENT...]"
    static let reportUsage = "Usage: readiness report EVENTS.jsonl [--config FILE] [--attachments DIR]... [--gate NAME] [--out DIR]"
    static let gateUsage = "Usage: readiness gate --step N [EVENTS.jsonl] [--config FILE] [--attachments DIR]... [--out DIR]"
    static let toolUsage = "Usage: readiness COMMAND [options]"

    struct Valid: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var spec: CommandSpec
        var options: [String: [String]] = [:]
        var positionals: [String] = []
        var passthrough: [String] = []
        var testDescription: String { ([spec.name] + arguments).joined(separator: " ") }
    }

    static let valid: [Valid] = [
        Valid(arguments: [], spec: CheckCommand.spec),
        Valid(
            arguments: ["--config", "cfg.json", "--ollama=http://127.0.0.1:9999", "--gate", "night", "--out=out", "--package-path", "pkg"],
            spec: CheckCommand.spec,
            options: ["--config": ["cfg.json"], "--ollama": ["http://127.0.0.1:9999"], "--gate": ["night"], "--out": ["out"], "--package-path": ["pkg"]]
        ),
        Valid(
            arguments: ["--out", "o", "--", "--filter", "Availability", "extra"], spec: CheckCommand.spec,
            options: ["--out": ["o"]], passthrough: ["--filter", "Availability", "extra"]
        ),
        Valid(
            arguments: ["e.jsonl", "--attachments", "a", "--attachments=b", "--out", "r"], spec: ReportCommand.spec,
            options: ["--attachments": ["a", "b"], "--out": ["r"]], positionals: ["e.jsonl"]
        ),
        Valid(
            arguments: ["s1", "--ollama", "a:1", "s2", "--ollama", "b:1", "s3"], spec: MergeCommand.spec,
            options: ["--ollama": ["a:1", "b:1"]], positionals: ["s1", "s2", "s3"]
        ),
        Valid(
            arguments: ["--shard", "2/3", "--ollama", "a:1", "--ollama=b:1"], spec: CheckCommand.spec,
            options: ["--shard": ["2/3"], "--ollama": ["a:1", "b:1"]]
        ),
        Valid(
            arguments: ["--out", "r", "--", "-e.jsonl"], spec: ReportCommand.spec,
            options: ["--out": ["r"]], positionals: ["-e.jsonl"]
        ),
        Valid(
            arguments: ["--step", "3", "e.jsonl", "--attachments", "a"], spec: GateCommand.spec,
            options: ["--step": ["3"], "--attachments": ["a"]], positionals: ["e.jsonl"]
        ),
        Valid(arguments: ["--step=1"], spec: GateCommand.spec, options: ["--step": ["1"]]),
        Valid(arguments: ["fleet", "--model", "qwen3:8b"], spec: InitCommand.spec, options: ["--model": ["qwen3:8b"]], positionals: ["fleet"]),
    ]

    @Test(arguments: valid)
    func `valid command lines split into options, positionals and pass-through arguments`(_ row: Valid) throws {
        let parsed = try ArgumentParser.parse(row.arguments, spec: row.spec)
        #expect(parsed == ParsedArguments(
            command: row.spec.name, usageLine: row.spec.usageLine, options: row.options, positionals: row.positionals,
            passthrough: row.passthrough
        ))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var error: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let invalid: [Invalid] = [
        Invalid(arguments: ["check", "--foo"], error: """
            Error: Unknown option '--foo'
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: [], error: """
            Error: Missing command
            \(toolUsage)
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["deploy"], error: """
            Error: Unknown command 'deploy'
            \(toolUsage)
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["--verbose"], error: """
            Error: Unknown option '--verbose'
            \(toolUsage)
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["report"], error: """
            Error: Missing argument 'EVENTS.jsonl'
            \(reportUsage)
            See 'readiness report --help' for more information.

            """),
        Invalid(arguments: ["check", "--out"], error: """
            Error: Missing value for option '--out'
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["check", "--gate", "a", "--gate=b"], error: """
            Error: Option '--gate' was given more than once
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["check", "extra"], error: """
            Error: Unexpected argument 'extra'
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["merge", "--out", "o"], error: """
            Error: Missing argument 'SHARD_DIR'
            Usage: readiness merge SHARD_DIR... [--config FILE] [--ollama URL]... [--gate NAME] [--out DIR]
            See 'readiness merge --help' for more information.

            """),
        Invalid(arguments: ["check", "--shard", "3/2"], error: """
            Error: --shard '3/2' is not K/N with 1 ≤ K ≤ N ≤ 1000, e.g. 2/3
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["gate"], error: """
            Error: Missing option '--step N'
            \(gateUsage)
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["gate", "--step", "zero"], error: """
            Error: Option '--step' needs a whole number of 1 or more, got 'zero'
            \(gateUsage)
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["gate", "--step", "2", "--attachments", "a"], error: """
            Error: Option '--attachments' needs an EVENTS.jsonl argument
            \(gateUsage)
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["init", "--test-target", "1st-checks"], error: """
            Error: Option '--test-target' needs a Swift identifier such as 'FleetChecks', got '1st-checks'
            Usage: readiness init [DIR] [--framework URL-OR-PATH] [--test-target NAME] [--model NAME]
            See 'readiness init --help' for more information.

            """),
    ]

    @Test(arguments: invalid)
    func `invalid command lines get one error, the usage line and where to find help, and exit 2`(_ row: Invalid) async {
        let result = await ReadinessCLITests.run(row.arguments)
        #expect(result.status == .undecided)
        #expect(result.err == row.error)
        #expect(result.out.isEmpty)
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func `the overview lists every subcommand from its declaration`(_ arguments: [String]) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .success)
        #expect(result.out.hasPrefix(Self.toolUsage + "\n"))
        for command in ReadinessCommand.subcommands {
            #expect(result.out.contains("  \(command.spec.name)   ") || result.out.contains("  \(command.spec.name)  "))
            #expect(result.out.contains(command.spec.abstract))
        }
    }

    @Test(arguments: [["check", "--help"], ["help", "check"], ["check", "--out", "x", "-h"]])
    func `a subcommand's help is derived from its declaration`(_ arguments: [String]) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .success)
        #expect(result.out == CheckCommand.spec.help)
        #expect(result.out.hasPrefix(Self.checkUsage + "\n\n"))
        #expect(result.out.contains("  --package-path DIR           the readiness package"))
        #expect(result.out.contains("  -h, --help                   Show this help."))
    }

    @Test func `--version prints the tool version`() async {
        let result = await ReadinessCLITests.run(["--version"])
        #expect(result.status == .success)
        #expect(result.out == "readiness 0.2.0\n")
    }
}
