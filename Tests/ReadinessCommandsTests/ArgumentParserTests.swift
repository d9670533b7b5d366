import Testing
@testable import ReadinessCommands

struct ArgumentParserTests {
    static let checkUsage = CheckCommand.spec.usageLine
    static let reportUsage = ReportCommand.spec.usageLine
    static let gateUsage = GateCommand.spec.usageLine
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
        #expect(parsed.options == row.options)
        #expect(parsed.positionals == row.positionals)
        #expect(parsed.passthrough == row.passthrough)
        #expect(parsed.usageLine == row.spec.usageLine)
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
        Invalid(arguments: ["chek"], error: """
            Error: Unknown command 'chek'; did you mean 'check'?
            \(toolUsage)
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["check", "--confg", "x.json"], error: """
            Error: Unknown option '--confg'; did you mean '--config'?
            \(checkUsage)
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["migrate", "nxt"], error: """
            Error: Unknown action 'nxt'; did you mean 'next'?
            Usage: readiness migrate ACTION [options]
            See 'readiness migrate --help' for more information.

            """),
        Invalid(arguments: ["migrate"], error: """
            Error: Missing action
            Usage: readiness migrate ACTION [options]
            See 'readiness migrate --help' for more information.

            """),
        Invalid(arguments: ["migrate", "pause", "--step", "1"], error: """
            Error: Unknown option '--step'
            \(MigrateCommand.Pause.spec.usageLine)
            See 'readiness migrate pause --help' for more information.

            """),
        Invalid(arguments: ["perf", "--rounds", "0"], error: """
            Error: --rounds '0' is not a whole number of 1 or more
            \(PerfCommand.spec.usageLine)
            See 'readiness perf --help' for more information.

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
            \(MergeCommand.spec.usageLine)
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
            Error: --step 'zero' is not a whole number of 1 or more
            \(gateUsage)
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["gate", "--step", "2", "--attachments", "a"], error: """
            Error: Option '--attachments' needs an EVENTS.jsonl argument
            \(gateUsage)
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["init", "--test-target", "1st-checks"], error: """
            Error: --test-target '1st-checks' is not a Swift identifier such as 'FleetChecks'
            \(InitCommand.spec.usageLine)
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
    func `the overview lists every command from its declaration`(_ arguments: [String]) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .success)
        #expect(result.out.hasPrefix(Self.toolUsage + "\n"))
        for command in ReadinessCommand.commands {
            #expect(result.out.contains("\n  \(command.spec.name)   "))
        }
        #expect(result.out.contains("\nExamples:\n") && result.out.contains("\nEnvironment:\n  READINESS_CONFIG "))
    }

    @Test(arguments: [["check", "--help"], ["help", "check"], ["check", "--out", "x", "-h"]])
    func `a subcommand's help is derived from its declaration`(_ arguments: [String]) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .success)
        #expect(result.out == HelpText.help(CheckCommand.spec))
        #expect(result.out.hasPrefix("""
            Usage: readiness check [--config FILE] [--state DIR] [--ollama URL]...
                                   [--gate NAME] [--out DIR] [--wait-for-ollama DURATION]
                                   [--package-path DIR] [--shard K/N]
                                   [-- SWIFT-TEST-ARGUMENT...]


            """))
        #expect(result.out.contains("\n  --package-path DIR           the readiness package (default: the current\n"))
        #expect(result.out.contains("\n  -h, --help                   Show this help.\n"))
    }

    /// Every command that runs: the tool's and the actions of its groups.
    static let runnable: [any Subcommand.Type] = ReadinessCommand.commands.flatMap { command in
        [command] + command.spec.subcommands
    }.compactMap { $0 as? any Subcommand.Type }

    @Test func `every command that runs reads only options its spec declares`() throws {
        #expect(Self.runnable.count == ReadinessCommand.allSpecs.count - 1)
        for command in Self.runnable {
            // The smallest valid command line: required options and positionals only.
            let required = command.spec.arguments.filter(\.isRequired).flatMap { $0.isPositional ? ["x"] : [$0.name, "1"] }
            _ = try command.init(try ArgumentParser.parse(required, spec: command.spec))
        }
    }

    @Test func `options are declared once: one help text per name, defaults stated`() {
        var helps: [String: Set<String>] = [:]
        for spec in ReadinessCommand.allSpecs {
            for argument in spec.arguments where !argument.isPositional {
                helps[argument.name, default: []].insert(argument.help)
            }
        }
        #expect(helps["--config"]?.count == 2, "check's and everyone else's: \(helps["--config"] ?? [])")
        #expect(helps["--ollama"]?.count == 2, "one host or every host: \(helps["--ollama"] ?? [])")
        #expect(helps["--gate"]?.count == 1)
        #expect(helps["--attachments"]?.count == 1)
    }

    @Test func `--version prints the tool version`() async {
        let result = await ReadinessCLITests.run(["--version"])
        #expect(result.status == .success)
        #expect(result.out == "readiness 0.2.0\n")
    }
}
