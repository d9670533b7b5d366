import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// Suggested commands are pasted into a shell: every value in them must arrive there as one word of data.
struct SuggestedCommandTests {
    static let hostile = [
        "my model", "it's", "$(rm -rf ~)", "`reboot`", "a; rm -rf /", "line\nbreak", "x|y&z", "\"quoted\"", "-f", "*",
    ]

    /// The words a POSIX shell would split `command` into; `nil` when an unquoted character the shell treats
    /// specially (a value escaping its quotes) appears.
    static func words(_ command: String) -> [String]? {
        var words: [String] = [], word = "", quoted = false, inWord = false, escaped = false
        for character in command {
            if escaped {
                word.append(character)
                escaped = false
            } else if quoted {
                if character == "'" { quoted = false } else { word.append(character) }
            } else if character == "'" {
                quoted = true
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else if character.isLetter || character.isNumber || "-_./:=@%+,".contains(character) {
                word.append(character)
                inWord = true
            } else if character == "\\" {
                escaped = true
                inWord = true
            } else {
                return nil
            }
        }
        if inWord { words.append(word) }
        return quoted || escaped ? nil : words
    }

    @Test(arguments: hostile)
    func `every command keeps a hostile value as one word`(_ value: String) throws {
        var model = try StreamFixtures.config().models[0]
        model.name = value
        model.modelfile = URL(fileURLWithPath: "/tmp/\(value).Modelfile")
        let expected: [(String, [String])] = [
            (ModelActions.build(model), ["ollama", "create", value, "-f", "/tmp/\(value).Modelfile"]),
            (ModelActions.run(value, prompt: value), ["ollama", "run", value, value]),
            (ModelActions.makeExecutable(value), ["chmod", "+x", value]),
            (ModelActions.checkSyntax(value), ["bash", "-n", value]),
        ]
        for (command, words) in expected {
            #expect(Self.words(command) == words, "\(command)")
        }
        let capture = ModelActions.captureModelfile(value, to: "/tmp/\(value)")
        #expect(capture == "ollama show --modelfile \(ShellQuoting.quote(value)) > \(ShellQuoting.quote("/tmp/\(value)"))")
        model.modelfile = nil
        #expect(Self.words(ModelActions.build(model)) == ["ollama", "pull", value])
    }

    @Test func `plain names stay readable`() throws {
        var model = try StreamFixtures.config().models[0]
        model.name = "financial_planning_expert_v6"
        model.modelfile = URL(fileURLWithPath: "/m/x.Modelfile")
        #expect(ModelActions.build(model) == "ollama create financial_planning_expert_v6 -f /m/x.Modelfile")
        #expect(ModelActions.run("m:v1", prompt: "What is 2+2?") == "ollama run m:v1 'What is 2+2?'")
    }

    @Test func `the service message names the host redacted and quotes a bounded version`() {
        let result = SystemHealthEvaluator.service(
            version: "0.6.5", minimumVersion: nil, host: "http://user:secret@proxy:11434?token=secret")
        #expect(result.message == "Ollama 0.6.5 is running at http://***@proxy:11434?token=***")
        let long = SystemHealthEvaluator.service(version: String(repeating: "9", count: 500), minimumVersion: "0.5.0", host: "h")
        #expect(long.message.count < 200)
    }

    @Test func `JUnit reports a shortfall the gate does not require as a warning, not a failure`() throws {
        var report = try StreamFixtures.report("phase1")
        for index in report.criteria.indices { report.criteria[index].required = false; report.criteria[index].blocking = false }
        let document = try XMLDocument(data: Data(JUnitRenderer.render(report).utf8))
        #expect(try document.nodes(forXPath: "//testcase[@classname!='readiness.run' and @classname!='readiness.unlisted']/failure").isEmpty)
        let output = try document.nodes(forXPath: "/testsuites/testsuite/system-out").first?.stringValue ?? ""
        #expect(output.contains("warning: readiness.availability.models-available[decision_simplifier_v2]: decision_simplifier_v2 is missing from Ollama\n"))
    }

    @Test func `JUnit fails a blocking criterion even when its rows fell short only as warnings`() throws {
        var report = try StreamFixtures.report("phase1")
        let index = try #require(report.criteria.firstIndex { $0.blocking && $0.rows.contains { $0.model != nil } })
        for row in report.criteria[index].rows.indices { report.criteria[index].rows[row].severity = .recommended }
        let document = try XMLDocument(data: Data(JUnitRenderer.render(report).utf8))
        let id = report.criteria[index].id
        #expect(try !document.nodes(forXPath: "//testcase[@name='\(id)']/failure").isEmpty)
    }
}
