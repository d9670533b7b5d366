import Foundation
import ReadinessKit
import TestFixtures
import Testing
@testable import FleetKit

/// Names, paths and prompts reach `ollama` as single words and are never run as shell code.
@Suite(.timeLimit(.minutes(1)))
struct ScriptQuotingTests {
    /// Text that runs a command if a script ever lets bash interpret it; `MARKER` becomes a file path.
    static let hostile = [
        "with space", "it's \"quoted\"", "$(touch MARKER)", "`touch MARKER`", "; touch MARKER", "a'; touch MARKER; echo '",
        "${HOME} \\ * ?",
    ]

    /// An `ollama` stand-in that records its arguments, one per line, each call ended by "<end>"; models are
    /// always missing and every answer mentions "keyword".
    static let recorder = """
        #!/usr/bin/env bash
        printf '%s\\n' "$@" '<end>' >> "$RECORD"
        case "$1" in
          show) exit 1 ;;
          run) echo "an answer with the keyword" ;;
        esac

        """

    /// Runs `script` with the recorder as `ollama`; returns the recorded arguments and whether a marker appeared.
    private func run(_ script: String, markers: URL, in folder: URL) async throws -> (arguments: [String], result: Subprocess.Result) {
        let bin = folder.appendingPathComponent("bin")
        try DomainFixtures.write(Self.recorder, to: "ollama", in: bin, permissions: 0o755)
        let record = folder.appendingPathComponent("record.txt")
        let result = try await FleetFixtures.run(
            script, named: "script.sh", in: folder, host: URL(string: "http://127.0.0.1:9")!, path: bin, extra: ["RECORD": record.path])
        let recorded = (try? String(contentsOf: record, encoding: .utf8)) ?? ""
        #expect(try FileManager.default.contentsOfDirectory(atPath: markers.path).isEmpty, "a quoted value was run as a command")
        return (recorded.components(separatedBy: "\n").dropLast().map { $0 }, result)
    }

    @Test func `hostile names, paths and prompts are passed verbatim and never executed`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let markers = folder.appendingPathComponent("markers")
            try FileManager.default.createDirectory(at: markers, withIntermediateDirectories: true)
            let texts = Self.hostile.map { $0.replacingOccurrences(of: "MARKER", with: markers.appendingPathComponent("x").path) }
            let models = texts.enumerated().map { index, text in
                ModelDiagnosis(
                    name: "model \(index) \(text)", buildPriority: index, modelfile: URL(fileURLWithPath: "/tmp/dir \(text)/Modelfile"),
                    base: Base(reference: "base \(text)"))
            }
            let build = try await run(try BuildScript.render(FleetDiagnosis(host: "h", models: models)), markers: markers, in: folder)
            #expect(build.result.succeeded, "\(build.result.stderr)")
            for model in models {
                let create = ["create", model.name, "-f", model.modelfile!.path, "<end>"]
                #expect(build.arguments.contains(subsequence: create), "\(create)")
                #expect(build.arguments.contains(subsequence: ["pull", model.base!.reference, "<end>"]))
            }

            // A prompt that looks like an option stays the prompt.
            let checks = texts.map { ValidationCheck(model: "model \($0)", prompt: "prompt \($0)", expect: [$0, "keyword"]) }
                + [ValidationCheck(model: "dash", prompt: "--verbose", expect: ["keyword"])]
            let validate = try await run(try ValidateScript.render(checks), markers: markers, in: folder)
            #expect(validate.result.succeeded, "\(validate.result.stdout)")
            for check in checks {
                #expect(validate.arguments.contains(subsequence: ["run", check.model, "--", check.prompt, "<end>"]))
            }
        }
    }

    @Test func `the generated scripts pass bash -n with hostile values`() async throws {
        let models = Self.hostile.enumerated().map { index, text in
            ModelDiagnosis(name: "m\(index) \(text)", modelfile: URL(fileURLWithPath: "/x/\(text)"), base: Base(reference: text))
        }
        #expect(try await FleetFixtures.syntaxProblem(try BuildScript.render(FleetDiagnosis(host: "h", models: models))) == nil)
        let checks = Self.hostile.map { ValidationCheck(model: $0, prompt: "line one\nline two \($0)", expect: [$0]) }
        #expect(try await FleetFixtures.syntaxProblem(try ValidateScript.render(checks)) == nil)
    }

    struct UnsafeCase: Sendable, CustomTestStringConvertible {
        var label: String
        var what: String
        var value: String
        var testDescription: String { label }
    }

    @Test(arguments: [
        UnsafeCase(label: "a newline in a name", what: "model name", value: "evil\nrm -rf ~"),
        UnsafeCase(label: "a carriage return in a name", what: "model name", value: "evil\rname"),
        UnsafeCase(label: "an escape sequence in a name", what: "model name", value: "evil\u{1B}[2Jname"),
        UnsafeCase(label: "a newline in a Modelfile path", what: "Modelfile path", value: "/tmp/a\nb/Modelfile"),
        UnsafeCase(label: "a newline in a base", what: "base model name", value: "base\nname"),
    ])
    func `the build script refuses control characters`(_ row: UnsafeCase) throws {
        let model = switch row.what {
        case "model name": ModelDiagnosis(name: row.value, modelfile: URL(fileURLWithPath: "/m"), base: Base(reference: "b"))
        case "Modelfile path": ModelDiagnosis(name: "m", modelfile: URL(fileURLWithPath: row.value), base: Base(reference: "b"))
        default: ModelDiagnosis(name: "m", modelfile: URL(fileURLWithPath: "/m"), base: Base(reference: row.value))
        }
        #expect(throws: FleetError.unsafeScriptValue(row.what, value: row.value)) {
            try BuildScript.render(FleetDiagnosis(host: "h", models: [model]))
        }
    }

    @Test func `the validate script refuses a line break in a name and control characters in a prompt, but keeps line breaks there`() throws {
        #expect(throws: FleetError.unsafeScriptValue("model name", value: "a\nb")) {
            try ValidateScript.render([ValidationCheck(model: "a\nb", prompt: "p", expect: [])])
        }
        #expect(throws: FleetError.unsafeScriptValue("prompt", value: "p\u{7}")) {
            try ValidateScript.render([ValidationCheck(model: "m", prompt: "p\u{7}", expect: [])])
        }
        let script = try ValidateScript.render([ValidationCheck(model: "m", prompt: "one\ntwo", expect: ["it's"])])
        #expect(script.contains("check m 'one\ntwo' 'it'\\''s'\n"))
        #expect(FleetError.unsafeScriptValue("model name", value: "a\nb").description
            == #"The model name "a\nb" contains a control character or line break, which a generated script does not carry. "#
            + "Remove it from readiness.json or the path.")
    }
}

extension Array where Element: Equatable {
    /// Whether `subsequence` occurs in this array as consecutive elements.
    func contains(subsequence: [Element]) -> Bool {
        guard subsequence.count <= count else { return false }
        return (0...(count - subsequence.count)).contains { Array(self[$0..<($0 + subsequence.count)]) == subsequence }
    }
}
