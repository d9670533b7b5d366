import Foundation
import OllamaKit
import OllamaSimulator
import Testing

@Suite struct SimulatorOptionsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var expected: SimulatorOptions
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let valid: [Case] = [
        Case(arguments: ["--scenario", "s.json"], expected: SimulatorOptions(scenarioPath: "s.json")),
        Case(arguments: ["--scenario=s.json", "--host=0.0.0.0", "--port=0"],
             expected: SimulatorOptions(scenarioPath: "s.json", host: "0.0.0.0", port: 0)),
        Case(arguments: ["--port", "8080", "--scenario", "a.json", "--scenario", "b.json"],
             expected: SimulatorOptions(scenarioPath: "b.json", port: 8080)),
        Case(arguments: ["--scenario", "s.json", "--port", "0", "--", "swift", "test", "--filter", "X"],
             expected: SimulatorOptions(scenarioPath: "s.json", port: 0, command: ["swift", "test", "--filter", "X"])),
        Case(arguments: ["--help"], expected: SimulatorOptions(scenarioPath: "", help: true)),
        Case(arguments: ["-h"], expected: SimulatorOptions(scenarioPath: "", help: true)),
        Case(arguments: ["--version"], expected: SimulatorOptions(scenarioPath: "", version: true)),
        Case(arguments: ["--scenario", "s.json", "--version"], expected: SimulatorOptions(scenarioPath: "s.json", version: true)),
    ]

    @Test("Valid command lines parse", arguments: valid)
    func parses(_ row: Case) throws {
        #expect(try SimulatorOptions.parse(row.arguments) == row.expected)
    }

    static let invalid: [([String], UsageError, String)] = [
        (["--scenario", "s.json", "--verbose"], .unknownOption("--verbose"), "Unknown option '--verbose'"),
        (["--scenario"], .missingValue("--scenario"), "Missing value for option '--scenario'"),
        (["--scenario", "--port", "1"], .missingValue("--scenario"), "Missing value for option '--scenario'"),
        (["--scenario=", "x"], .missingValue("--scenario"), "Missing value for option '--scenario'"),
        (["--scenario", "s.json", "--port", "70000"], .badPort("70000"), "Invalid port '70000': use a number from 0 to 65535"),
        (["--scenario", "s.json", "--port=abc"], .badPort("abc"), "Invalid port 'abc': use a number from 0 to 65535"),
        (["s.json"], .unexpectedArgument("s.json"), "Unexpected argument 's.json'"),
        (["--port", "1"], .missingScenario, "Missing option '--scenario FILE'"),
        (["--scenario", "s.json", "--"], .missingCommand, "Missing command after '--'"),
        (["--help=yes"], .unexpectedValue("--help"), "Option '--help' takes no value"),
        (["--version=2"], .unexpectedValue("--version"), "Option '--version' takes no value"),
        (["-v"], .unknownOption("-v"), "Unknown option '-v'"),
        (["-"], .unexpectedArgument("-"), "Unexpected argument '-'"),
    ]

    @Test("Bad command lines name the problem", arguments: invalid)
    func rejects(_ arguments: [String], _ error: UsageError, _ message: String) {
        #expect(throws: error) { try SimulatorOptions.parse(arguments) }
        #expect(error.description == message)
    }

    @Test func `Usage errors and bad scenarios exit 2, help and version exit 0`() {
        #expect(SimulatorCLI.main(["--bogus"]) == 2)
        #expect(SimulatorCLI.main(["-x"]) == 2)
        #expect(SimulatorCLI.main(["--scenario", "/no/such/file.json"]) == 2)
        let huge = FileManager.default.temporaryDirectory.appendingPathComponent("ollama-sim-huge-\(UUID().uuidString).json")
        try? Data(#"{"models": [{"name": "m", "behaviour": {"loadDuration": 1e300}}]}"#.utf8).write(to: huge)
        defer { try? FileManager.default.removeItem(at: huge) }
        #expect(SimulatorCLI.main(["--scenario", huge.path]) == 2)
        #expect(SimulatorCLI.main(["--help"]) == 0)
        #expect(SimulatorCLI.main(["-h"]) == 0)
        #expect(SimulatorCLI.main(["--version"]) == 0)
    }

    @Test func `A usage error prints the error, the usage line and where to get help`() {
        #expect(SimulatorOptions.errorText(.unknownOption("--bogus")) == """
            Error: Unknown option '--bogus'
            Usage: ollama-sim --scenario FILE [--host HOST] [--port PORT] [-- COMMAND [ARG...]]
            See 'ollama-sim --help' for more information.
            """)
    }

    @Test func `The version is the package's tool version`() {
        #expect(SimulatorOptions.versionText == "ollama-sim \(ToolVersion.current)")
        #expect(ToolVersion.current.split(separator: ".").count == 3)
    }

    @Test func `The help lists exactly the options the parser accepts`() {
        // Option lines read "  -h, --help        Show this help." or "  --port PORT       Port to bind…".
        let listed = SimulatorOptions.helpText.split(separator: "\n").filter { $0.hasPrefix("  -") }.flatMap { line in
            line.trimmingPrefix(while: \.isWhitespace).split(separator: "  ")[0].split(separator: ", ").map { String($0.split(separator: " ")[0]) }
        }
        #expect(listed.sorted() == (SimulatorOptions.valueOptions + SimulatorOptions.flags + ["--"]).sorted())
    }
}
