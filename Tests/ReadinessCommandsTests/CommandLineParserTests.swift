import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

struct CommandLineParserTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var invocation: Invocation
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static var valid: [Valid] {
        var check = Invocation.CheckOptions()
        check.config = "cfg.json"
        check.ollama = "http://127.0.0.1:9999"
        check.gate = "night"
        check.out = "out"
        var report = Invocation.ReportOptions(events: "e.jsonl")
        report.attachments = ["a", "b"]
        report.out = "r"
        var gate = Invocation.GateOptions(step: 3)
        gate.events = "e.jsonl"
        gate.attachments = ["a"]
        return [
            Valid(arguments: ["check"], invocation: .check(Invocation.CheckOptions())),
            Valid(
                arguments: ["check", "--config", "cfg.json", "--ollama=http://127.0.0.1:9999", "--gate", "night", "--out=out"],
                invocation: .check(check)
            ),
            Valid(arguments: ["report", "e.jsonl", "--attachments", "a", "--attachments=b", "--out", "r"], invocation: .report(report)),
            Valid(arguments: ["report", "--out", "r", "--attachments", "a", "--attachments", "b", "--", "e.jsonl"], invocation: .report(report)),
            Valid(arguments: ["gate", "--step", "3", "e.jsonl", "--attachments", "a"], invocation: .gate(gate)),
            Valid(arguments: ["gate", "--step=1"], invocation: .gate(Invocation.GateOptions(step: 1))),
            Valid(arguments: ["--help"], invocation: .help(nil)),
            Valid(arguments: ["help", "report"], invocation: .help(.report)),
            Valid(arguments: ["check", "--out", "x", "--help"], invocation: .help(.check)),
            Valid(arguments: ["gate", "-h"], invocation: .help(.gate)),
            Valid(arguments: ["--version"], invocation: .version),
        ]
    }

    @Test(arguments: valid)
    func `valid command lines parse into invocations`(_ row: Valid) throws {
        #expect(try CommandLineParser.parse(row.arguments) == row.invocation)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var error: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let invalid: [Invalid] = [
        Invalid(arguments: ["check", "--foo"], error: """
            Error: Unknown option '--foo'
            Usage: readiness check [--config FILE] [--ollama URL] [--gate NAME] [--out DIR]
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: [], error: """
            Error: Missing command: check, report or gate
            Usage: readiness <check|report|gate> [options]
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["deploy"], error: """
            Error: Unknown command 'deploy'
            Usage: readiness <check|report|gate> [options]
            See 'readiness --help' for more information.

            """),
        Invalid(arguments: ["report"], error: """
            Error: Missing argument 'EVENTS.jsonl'
            Usage: readiness report EVENTS.jsonl [--config FILE] [--attachments DIR]... [--gate NAME] [--out DIR]
            See 'readiness report --help' for more information.

            """),
        Invalid(arguments: ["check", "--out"], error: """
            Error: Missing value for option '--out'
            Usage: readiness check [--config FILE] [--ollama URL] [--gate NAME] [--out DIR]
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["check", "--gate", "a", "--gate=b"], error: """
            Error: Option '--gate' was given more than once
            Usage: readiness check [--config FILE] [--ollama URL] [--gate NAME] [--out DIR]
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["check", "extra"], error: """
            Error: Unexpected argument 'extra'
            Usage: readiness check [--config FILE] [--ollama URL] [--gate NAME] [--out DIR]
            See 'readiness check --help' for more information.

            """),
        Invalid(arguments: ["gate"], error: """
            Error: Missing option '--step N'
            Usage: readiness gate --step N [EVENTS.jsonl] [--config FILE] [--attachments DIR]... [--out DIR]
            See 'readiness gate --help' for more information.

            """),
        Invalid(arguments: ["gate", "--step", "zero"], error: """
            Error: Option '--step' needs a whole number of 1 or more, got 'zero'
            Usage: readiness gate --step N [EVENTS.jsonl] [--config FILE] [--attachments DIR]... [--out DIR]
            See 'readiness gate --help' for more information.

            """),
    ]

    @Test(arguments: invalid)
    func `invalid command lines get one error, the usage line and where to find help`(_ row: Invalid) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(row.arguments) }
        do {
            _ = try CommandLineParser.parse(row.arguments)
        } catch {
            #expect("\(error)" == row.error)
        }
    }
}
