import ReadinessKit
import Foundation
import OllamaKit

/// Renders junit.xml for Jenkins and GitLab: one testcase per criterion, one per model for per-model criteria,
/// plus testcases for unlisted readiness tests and evidence problems so no failure is lost in CI.
/// It agrees with the verdict: only what blocks the gate is a `<failure>`; a shortfall the gate does not
/// require is a passing testcase with a warning in the suite's `<system-out>`, so a READY run never turns a CI job red.
/// The document is valid against both the Jenkins junit-10 and the Ant JUnit schemas (fixtures/schemas): every
/// testcase has a `time`, `<testsuites>` has no attributes, and warnings live in the suite's output, as Ant allows
/// nothing but one skipped, error or failure inside a testcase.
package enum JUnitRenderer {
    /// The whole JUnit XML document.
    package static func render(_ report: ReadinessReport) -> String {
        var cases: [TestCase] = []
        for criterion in report.criteria { cases += testCases(criterion) }
        for test in report.unlistedTests {
            let message = test.messages.joined(separator: "; ")
            let outcome: Outcome = test.status == .failed ? .failure(message, fixes: []) : .skipped(message)
            cases.append(TestCase(className: "readiness.unlisted", name: test.test, time: nil, outcome: outcome))
        }
        for problem in report.problems {
            cases.append(TestCase(
                className: "readiness.run", name: problem.kind.rawValue, time: nil,
                outcome: .error(problem.message + " " + problem.action)
            ))
        }
        let failures = cases.filter { if case .failure = $0.outcome { true } else { false } }.count
        let errors = cases.filter { if case .error = $0.outcome { true } else { false } }.count
        let skipped = cases.filter { if case .skipped = $0.outcome { true } else { false } }.count
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        let time = " time=\"\(seconds(report.timings.durationSeconds))\""
        let stamp = " timestamp=\"\(escape(timestamp(report.timings.runStarted ?? report.timings.generatedAt)))\""
        // Ant requires `package`, `id` and `hostname`; the renderer cannot know the runner's host name, and Ant
        // says to write "localhost" then.
        let identity = "name=\"readiness.\(escape(report.gate.name))\" package=\"readiness\" id=\"0\" hostname=\"localhost\""

        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites>")
        xml.append("  <testsuite \(identity) \(counts)\(time)\(stamp)>")
        xml.append("    <properties>")
        for (name, value) in [
            ("verdict", report.verdict.rawValue), ("gate", report.gate.name), ("summary", report.summary),
            ("ollama.host", report.ollama.host.map(OllamaHost.redacted) ?? ""), ("ollama.version", report.ollama.version ?? ""),
            ("tool.version", report.tool.version),
        ] {
            xml.append("      <property name=\"\(name)\" value=\"\(escape(value))\"/>")
        }
        xml.append("    </properties>")
        xml += cases.map(\.xml)
        let warnings = cases.compactMap { test in
            if case .warning(let message) = test.outcome { "warning: \(test.className).\(test.name): \(message)\n" } else { nil }
        }
        xml.append("    <system-out>\(escape(warnings.joined()))</system-out>")
        xml.append("    <system-err></system-err>")
        xml.append("  </testsuite>")
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private enum Outcome {
        case passed
        /// A blocker, with what to do about it (the actions the report holds for it).
        case failure(String, fixes: [String])
        case error(String)
        case skipped(String)
        /// Passed as far as CI goes, with a warning in the suite's output (recommended criteria).
        case warning(String)
    }

    private struct TestCase {
        var className: String
        var name: String
        /// Seconds; `nil` when the report holds no duration for it (written as 0, which both schemas require).
        var time: Double?
        var outcome: Outcome

        var xml: String {
            let open = "    <testcase classname=\"\(escape(className))\" name=\"\(escape(name))\" time=\"\(seconds(time))\""
            switch outcome {
            case .passed, .warning: return open + "/>"
            case .failure(let message, let fixes):
                let body = ([message] + fixes.map { "Fix: " + $0 }).joined(separator: "\n")
                return open + ">\n      <failure message=\"\(escape(message))\" type=\"criterion\">\(escape(body))</failure>\n    </testcase>"
            case .error(let message):
                return open + ">\n      <error message=\"\(escape(message))\" type=\"evidence\">\(escape(message))</error>\n    </testcase>"
            case .skipped(let message):
                return open + ">\n      <skipped message=\"\(escape(message))\"/>\n    </testcase>"
            }
        }
    }

    private static func testCases(_ criterion: CriterionOutcome) -> [TestCase] {
        let className = "readiness." + (criterion.area?.rawValue ?? "custom")
        let perModel = criterion.rows.filter { $0.model != nil }
        guard !perModel.isEmpty else {
            return [TestCase(className: className, name: criterion.id, time: criterion.durationSeconds, outcome: outcome(criterion))]
        }
        var cases = perModel.map { row in
            let outcome: Outcome = row.passed ? .passed
                : criterion.blocking && row.severity == .critical ? .failure(row.message, fixes: row.actions) : .warning(row.message)
            // With several hosts a model has one testcase per host: "quality[alpha @ http://10.0.0.2:11434]".
            let subject = ([row.model ?? ""] + (row.host.map { [$0] } ?? [])).joined(separator: " @ ")
            return TestCase(className: className, name: "\(criterion.id)[\(subject)]", time: nil, outcome: outcome)
        }
        // A test that failed while every row passed still fails the criterion, and a blocking criterion needs a
        // failure even when its rows fell short only as warnings: JUnit must never be greener than the verdict.
        let failing = cases.contains { if case .failure = $0.outcome { true } else { false } }
        if (!criterion.isSatisfied && perModel.allSatisfy(\.passed)) || (criterion.blocking && !failing) {
            cases.append(TestCase(className: className, name: criterion.id, time: nil, outcome: outcome(criterion)))
        }
        // The stream times the parameterized test, not each model's case: its duration is shared evenly, so the
        // testcases add up to the time the criterion took.
        let share = criterion.durationSeconds.map { $0 / Double(cases.count) }
        for index in cases.indices { cases[index].time = share }
        return cases
    }

    private static func outcome(_ criterion: CriterionOutcome) -> Outcome {
        switch criterion.status {
        case .passed: .passed
        case .failed: criterion.blocking ? .failure(criterion.message, fixes: criterion.actions) : .warning(criterion.message)
        case .warned: .warning(criterion.message)
        case .skipped: criterion.blocking ? .failure(criterion.message, fixes: criterion.actions) : .skipped(criterion.message)
        case .missing: criterion.required ? .error("no result: " + criterion.message) : .skipped("not run: " + criterion.message)
        }
    }

    /// Seconds as both schemas read them: a plain decimal, 0 when unknown.
    private static func seconds(_ value: Double?) -> String { ReportFormatting.number(max(0, value ?? 0), digits: 3) }

    /// An ISO 8601 instant in UTC as Ant wants it: to the second, without a zone ("2026-11-25T08:27:59").
    private static func timestamp(_ text: String) -> String {
        guard let date = Timestamp.date(text) else { return text }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withDashSeparatorInDate, .withColonSeparatorInTime]
        return formatter.string(from: date)
    }

    private static func escape(_ text: String) -> String { MarkupEscaping.xml(text) }
}
