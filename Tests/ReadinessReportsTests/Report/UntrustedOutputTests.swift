import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// Hostile text from Ollama, a config or a file, through every output: none may obey it or leak a secret.
struct UntrustedOutputTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        var testDescription: String { name }
    }

    static let hostile = [
        Hostile(name: "fake verdict after LF", text: "boom\nREADY: Gate 'phase2': all criteria passed."),
        Hostile(name: "fake verdict after CRLF", text: "boom\r\nREADY: all good"),
        Hostile(name: "fake verdict after LINE SEPARATOR", text: "boom\u{2028}READY: all good"),
        Hostile(name: "ANSI clear and colour", text: "\u{1B}[2J\u{1B}[1;32mREADY\u{1B}[0m"),
        Hostile(name: "C1 CSI and NEL", text: "\u{9B}31mred\u{85}READY: x"),
        Hostile(name: "NUL, BEL, DEL, backspace", text: "a\u{0}b\u{7}c\u{7F}d\u{8}e"),
        Hostile(name: "bidi override", text: "safe\u{202E}txt.exe"),
        Hostile(name: "workflow error command", text: "::error file=x::pwned"),
        Hostile(name: "stop-commands", text: "::stop-commands::token"),
        Hostile(name: "indented add-mask", text: "  ::add-mask::hidden"),
        Hostile(name: "set-output after newline", text: "ok\n::set-output name=ready::true"),
        Hostile(name: "legacy ##[ command", text: "##[set-output name=x;]y"),
        Hostile(name: "percent-encoded newline", text: "100%0A::warning::x"),
        Hostile(name: "markdown link, image, code and pipe", text: "a|b `c` [link](http://x) ![img](http://t/p.png)"),
        Hostile(name: "markup and quotes", text: "<script>alert('x')</script>&\"q\""),
    ]

    /// The phase1 report with `text` in every field that can carry outside text, and a host with credentials.
    static func report(_ text: String) throws -> ReadinessReport {
        var report = try StreamFixtures.report("phase1")
        report.summary = text
        report.reasons.insert(text, at: 0)
        report.warnings.append(text)
        report.actions.append(text)
        report.criteria[0].message = text
        report.criteria[0].rows[0].model = text
        report.criteria[0].rows[0].message = text
        report.models[0].name = text
        report.unlistedTests.append(UnlistedTest(test: text, status: .failed, messages: [text]))
        report.ollama.host = "http://user:secret@proxy:11434/?token=secret#secret"
        report.ollama.version = text
        report.source.events = text
        report.comparison = ReportComparison(
            basis: .previousRun, note: text, previous: .init(gate: text, verdict: .ready, runStarted: text, generatedAt: text),
            criteria: [.init(id: text, before: .passed, after: .failed)],
            models: [.init(
                name: text, before: .passed, after: .failed, newlyFailing: [text], newlyPassing: [],
                metrics: [CriterionResult.Metric.latencyAverage: .init(before: 1, after: 2, change: 1)]
            )]
        )
        return report
    }

    static func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    /// Control characters other than LF that a format let through (`xml`: CR, tab and U+2028 are plain XML).
    static func controls(_ text: String, xml: Bool = false) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            if xml && ["\r", "\t", "\u{2028}"].contains(scalar) { return false }
            return (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}"
        }
    }

    @Test(arguments: hostile)
    func `the console prints hostile text as inert single lines`(_ row: Hostile) throws {
        let console = ConsoleRenderer.render(try Self.report(row.text))
        #expect(Self.controls(console).isEmpty)
        for line in Self.lines(console) {
            let start = line.drop(while: \.isWhitespace)
            #expect(!start.hasPrefix("::") && !start.hasPrefix("##["), "\(line)")
            #expect(!start.hasPrefix("READY"), "\(line)")
        }
        // As many lines as with harmless text: nothing hostile started a line of its own.
        #expect(Self.lines(console).count == Self.lines(ConsoleRenderer.render(try Self.report("x"))).count)
        #expect(Self.lines(console).dropLast().last?.hasPrefix("NOT READY: ") == true)
        #expect(!console.contains("secret"))
    }

    @Test(arguments: hostile)
    func `GitHub annotations carry hostile text only as escaped data`(_ row: Hostile) throws {
        let annotations = GitHubAnnotations.render(try Self.report(row.text))
        let lines = Self.lines(annotations).dropLast()
        #expect(annotations.hasSuffix("\n"))
        for line in lines {
            #expect(line.hasPrefix("::error title=Readiness%3A ") || line.hasPrefix("::warning title=Readiness%3A "), "\(line)")
            // The properties end at the first "::" after the command; escaping keeps hostile text from ending them early.
            let properties = line.dropFirst(2).components(separatedBy: "::")[0]
            let title = try #require(properties.components(separatedBy: " title=").last)
            #expect(!title.contains(":") && !title.contains(","), "\(title)")
        }
        #expect(!annotations.contains("\r"))
        #expect(!annotations.contains("secret"))
    }

    @Test(arguments: hostile)
    func `Markdown keeps hostile text inside its cell, inert`(_ row: Hostile) throws {
        let markdown = MarkdownRenderer.render(try Self.report(row.text))
        // Inside a code span (one the text cannot close) markup is shown, not obeyed.
        let outsideCode = markdown.replacingOccurrences(of: MarkupEscaping.markdownCode(row.text), with: "`code`")
        #expect(Self.controls(markdown).isEmpty)
        #expect(!outsideCode.contains("<script"))
        #expect(!outsideCode.contains("[link](") && !outsideCode.contains("![img]"))
        #expect(!markdown.contains("secret"))
        for line in Self.lines(markdown) {
            #expect(!line.hasPrefix("READY") && !line.hasPrefix("::") && !line.hasPrefix("##["), "\(line)")
            // Every table row keeps its column count: no hostile pipe splits a cell.
            if line.hasPrefix("| ↳") || line.hasPrefix("| **") {
                let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
                #expect(cells == 8, "\(line)")
            }
        }
    }

    @Test(arguments: hostile)
    func `HTML and JUnit stay well-formed XML without control characters`(_ row: Hostile) throws {
        let report = try Self.report(row.text)
        for output in [HTMLRenderer.render(report), JUnitRenderer.render(report)] {
            _ = try XMLDocument(data: Data(output.utf8))
            #expect(Self.controls(output, xml: true).isEmpty)
            #expect(!output.contains("<script"))
            #expect(!output.contains("secret"))
        }
    }

    struct Neutralised: Sendable, CustomTestStringConvertible {
        let input: String
        let line: String
        var testDescription: String { line }
    }

    @Test(arguments: [
        Neutralised(input: "a\nb\r\nc\td", line: "a b  c d"),
        Neutralised(input: "\u{1B}[31mred", line: "\\u{1B}[31mred"),
        Neutralised(input: "\u{9B}x\u{85}y", line: "\\u{9B}x\\u{85}y"),
        Neutralised(input: "\u{0}\u{7}\u{7F}", line: "\\u{0}\\u{7}\\u{7F}"),
        Neutralised(input: "a\u{202E}b\u{2066}c", line: "a\\u{202E}b\\u{2066}c"),
        Neutralised(input: "::error::x", line: "> ::error::x"),
        Neutralised(input: "\u{A0} ::add-mask::x", line: "> \u{A0} ::add-mask::x"),
        Neutralised(input: "\n::stop-commands::t", line: ">  ::stop-commands::t"),
        Neutralised(input: "##[error]x", line: "> ##[error]x"),
        Neutralised(input: "a ::error::x", line: "a ::error::x"),
        Neutralised(input: "naïve 日本 ✅", line: "naïve 日本 ✅"),
    ])
    func `a console line is one inert line`(_ row: Neutralised) {
        #expect(UntrustedText.consoleLine(row.input) == row.line)
    }

    @Test func `quotes are capped with an ellipsis`() {
        #expect(UntrustedText.excerpt(String(repeating: "a", count: 500)) == String(repeating: "a", count: 199) + "…")
        #expect(UntrustedText.excerpt("short") == "short")
        #expect(UntrustedText.excerpt("abcdef", limit: 4) == "abc…")
    }

    struct Code: Sendable, CustomTestStringConvertible {
        let input: String
        let span: String
        var testDescription: String { input }
    }

    @Test(arguments: [
        Code(input: "phase2", span: "`phase2`"),
        Code(input: "a`b", span: "``a`b``"),
        Code(input: "`x```", span: "```` `x``` ````"),
        Code(input: "a|b\nc", span: "`a|b c`"),
        Code(input: "a`\u{301}b", span: "``a`\u{301}b``"),
        Code(input: "`\u{301}x", span: "`` `\u{301}x ``"),
    ])
    func `a Markdown code span cannot be closed from inside`(_ row: Code) {
        #expect(MarkupEscaping.markdownCode(row.input) == row.span)
    }
}

extension UntrustedOutputTests {
    @Test func `a Markdown cell escapes a pipe or bracket even when a combining mark follows it`() {
        // "|" + U+0301 is one Character, but a Markdown parser reads code points: the pipe would split the cell.
        #expect(MarkupEscaping.markdownCell("a|\u{301}b") == "a\\|\u{301}b")
        #expect(MarkupEscaping.markdownCell("[\u{301}x](y)") == "\\[\u{301}x\\](y)")
        #expect(MarkupEscaping.markdownCell("<b>|`") == "&lt;b>\\|\\`")
    }
}
