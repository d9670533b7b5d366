import Foundation
import OllamaKit

/// `readiness --generate-man-page`: readiness(1) in roff, every command and action with its usage, discussion,
/// options, examples and environment, from the same specs as `--help`.
enum ManPage {
    static func render(commands: [any Command.Type]) -> String {
        var page = [
            ".TH READINESS 1 \"\" \"readiness \(ToolVersion.current)\" \"User Commands\"",
            ".SH NAME", "readiness \\- decide whether a fleet of Ollama models is ready for a migration",
            ".SH SYNOPSIS", ".B readiness", ".I COMMAND", "[options]",
            ".SH DESCRIPTION",
            text("Decides, with evidence, whether a fleet of Ollama models is ready for a migration, and blocks the migration in CI when it is not. Each command is described below; 'readiness COMMAND --help' prints the same."),
            ".SH OPTIONS",
        ]
        page += ReadinessCommand.topLevelOptions.flatMap(option)
        page.append(".SH COMMANDS")
        for spec in ReadinessCommand.allSpecs {
            page += [".SS \(quoted("readiness " + spec.name))", text(spec.abstract), ".PP", ".nf", text(spec.usageLine), ".fi"]
            page += spec.discussion.components(separatedBy: "\n\n").flatMap { [".PP", text($0)] }
            page += spec.arguments.flatMap(option)
            for example in spec.examples {
                page += [".PP", ".nf", ".B " + text(example.commandLine), ".fi", ".RS", text(example.explanation), ".RE"]
            }
        }
        page += [".SH EXIT STATUS", text(ReadinessCommand.exitStatuses), ".SH ENVIRONMENT"]
        page += ReadinessCommand.environment.flatMap { [".TP", ".B " + text($0.name), text($0.help)] }
        return page.joined(separator: "\n") + "\n"
    }

    private static func option(_ argument: ArgumentSpec) -> [String] {
        [".TP", ".B " + text(argument.synopsis), text(argument.help)]
    }

    /// `text` safe in roff: backslashes and hyphens escaped, non-ASCII as `\[uXXXX]`, no line starting with a
    /// control character.
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
            .unicodeScalars.map { $0.isASCII ? String($0) : "\\[u" + String(format: "%04X", $0.value) + "]" }.joined()
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : String($0) }
            .joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + Self.text(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }
}
