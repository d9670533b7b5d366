import Foundation
import Testing
@testable import ReadinessCommands

/// Every `--help`, completion script and the man page, derived from the command declarations.
struct HelpTextTests {
    /// Every command and action, as typed after `readiness`.
    static let commandLines = ReadinessCommand.allSpecs.map { $0.name.split(separator: " ").map(String.init) }

    @Test(arguments: commandLines)
    func `every help has usage, examples and environment, within 80 columns`(_ words: [String]) async throws {
        let result = await ReadinessCLITests.run(words + ["--help"])
        #expect(result.status == .success)
        #expect(result.out.hasPrefix("Usage: readiness \(words.joined(separator: " "))"))
        let examples = try #require(result.out.range(of: "\n\nExamples:\n  readiness "), "\(words) has no examples")
        #expect(result.out[examples.upperBound...].contains("\n\nEnvironment:\n  "))
        for line in result.out.split(separator: "\n") {
            #expect(line.count <= HelpText.width || !line.contains(" ") || line.hasPrefix("  readiness "), "too wide: \(line)")
        }
    }

    @Test func `a command's environment comes from the options it takes`() {
        #expect(HelpText.help(GateCommand.spec).contains("\n  READINESS_CONFIG "))
        #expect(!HelpText.help(GateCommand.spec).contains("OLLAMA_HOST"))
        #expect(HelpText.help(BuildCommand.spec).contains("\n  OLLAMA_HOST "))
        #expect(HelpText.help(InitCommand.spec).contains("This command reads no environment variables."))
    }

    @Test func `migrate lists its actions, each with its own help and options`() async {
        let group = await ReadinessCLITests.run(["migrate", "--help"])
        #expect(group.status == .success)
        for action in MigrateCommand.Action.allCases {
            #expect(group.out.contains("\n  \(action.rawValue) "), "\(action)")
        }
        let next = await ReadinessCLITests.run(["migrate", "next", "--help"])
        #expect(next.out.contains("--step N"))
        #expect(!next.out.contains("--reason"))
        let pause = await ReadinessCLITests.run(["help", "migrate", "pause"])
        #expect(pause.out.contains("--reason TEXT"))
        #expect(!pause.out.contains("--step"))
    }

    @Test(arguments: [("chek", "check"), ("migrat", "migrate"), ("hitsory", "history"), ("rport", "report")])
    func `a mistyped command gets the nearest name`(_ typed: String, meant: String) {
        #expect(Suggestion.didYouMean(typed, among: ReadinessCommand.commands.map { $0.spec.word }) == "; did you mean '\(meant)'?")
    }

    @Test(arguments: ["deploy", "x", "gat3way"])
    func `a word near nothing gets no suggestion`(_ typed: String) {
        #expect(Suggestion.didYouMean(typed, among: ReadinessCommand.commands.map { $0.spec.word }) == "")
    }

    @Test func `wrapping keeps every word and breaks only between words`() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
        let lines = HelpText.wrap(text, indent: 4)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("    ") && $0.count <= HelpText.width })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == text)
    }

    @Test(arguments: CompletionScript.Shell.allCases)
    func `completion scripts name every command and action and are valid for their shell`(_ shell: CompletionScript.Shell) async throws {
        let result = await ReadinessCLITests.run(["--generate-completion-script", shell.rawValue])
        #expect(result.status == .success)
        for spec in ReadinessCommand.allSpecs {
            #expect(result.out.contains(spec.word), "\(shell) misses \(spec.name)")
        }
        #expect(result.out.contains("wait-for-ollama"))
        let checker = ["/bin/bash", "/usr/bin/zsh", "/usr/bin/fish"][CompletionScript.Shell.allCases.firstIndex(of: shell)!]
        guard FileManager.default.isExecutableFile(atPath: checker) else {
            #expect(shell != .bash, "bash must be there to check the bash script")
            return
        }
        let syntax = try ShellSyntax.check(result.out, with: checker)
        #expect(syntax.status == 0, "\(shell): \(syntax.errors)")
    }

    @Test func `a completion script for an unknown shell is a usage error`() async {
        let result = await ReadinessCLITests.run(["--generate-completion-script", "tcsh"])
        #expect(result.status == .undecided)
        #expect(result.err.hasPrefix("Error: Option '--generate-completion-script' needs one of 'bash', 'zsh' or 'fish'\n"))
    }

    @Test func `bash completes commands, actions and a command's options`() throws {
        let script = CompletionScript.render(for: .bash, commands: ReadinessCommand.commands)
        #expect(try ShellSyntax.complete(script, ["readiness", "ch"]) == ["check"])
        #expect(try ShellSyntax.complete(script, ["readiness", "migrate", "re"]) == ["resume"])
        #expect(try ShellSyntax.complete(script, ["readiness", "check", "--wa"]) == ["--wait-for-ollama"])
        #expect(try ShellSyntax.complete(script, ["readiness", "migrate", "pause", "--re"]) == ["--reason"])
    }

    @Test func `the man page has every command, escapes its text and is valid roff`() async throws {
        let result = await ReadinessCLITests.run(["--generate-man-page"])
        #expect(result.status == .success)
        #expect(result.out.hasPrefix(".TH READINESS 1 "))
        for spec in ReadinessCommand.allSpecs {
            #expect(result.out.contains(".SS \"readiness \(spec.name)\""))
        }
        #expect(result.out.contains("\\-\\-config FILE"))
        #expect(!result.out.split(separator: "\n").contains { $0.hasPrefix("'") })
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") {
            let syntax = try ShellSyntax.run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z"], input: result.out)
            #expect(syntax.status == 0 && syntax.errors.isEmpty, "\(syntax.errors)")
        }
    }
}
