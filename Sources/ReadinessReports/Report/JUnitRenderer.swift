import ReadinessKit
import Foundation
import OllamaKit

/// Renders junit.xml for Jenkins and GitLab: one testcase per criterion, one per model for per-model criteria,
/// plus testcases for unlisted readiness tests and evidence problems so no failure is lost in CI.
/// It agrees with the verdict: only what blocks the gate is a `<failure>`; a shortfall the gate does not
/// require is a passing testcase with a warning in `<system-out>`, so a READY run never turns a CI job red.
package enum JUnitRenderer {
    /// The whole JUnit XML document.
    package static func render(_ report: ReadinessReport) -> String {
        var cases: [TestCase] = []
        for criterion in report.criteria { cases += testCases(criterion) }
        for test in report.unlistedTests {
            let outcome: Outcome = test.status == .failed
                ? .failure(test.messages.joined(separator: "; ")) : .skipped(test.messages.joined(separator: "; "))
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
        let time = report.timings.durationSeconds.map { " time=\"\(ReportFormatting.number($0, digits: 3))\"" } ?? ""
        let stamp = report.timings.runStarted.map { " timestamp=\"\(escape($0))\"" } ?? ""

        var xml = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        xml.append("<testsuites name=\"readiness\" \(counts)\(time)>")
        xml.append("  <testsuite name=\"readiness.\(escape(report.gate.name))\" \(counts)\(time)\(stamp)>")
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
        xml.append("  </testsuite>")
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    private enum Outcome {
        case passed
        case failure(String)
        case error(String)
        case skipped(String)
        /// Passed as far as CI goes, with a warning in the output (recommended criteria).
        case warning(String)
    }

    private struct TestCase {
        var className: String
        var name: String
        var time: Double?
        var outcome: Outcome

        var xml: String {
            let time = time.map { " time=\"\(ReportFormatting.number($0, digits: 3))\"" } ?? ""
            let open = "    <testcase classname=\"\(escape(className))\" name=\"\(escape(name))\"\(time)"
            switch outcome {
            case .passed: return open + "/>"
            case .failure(let message):
                return open + ">\n      <failure message=\"\(escape(message))\" type=\"criterion\">\(escape(message))</failure>\n    </testcase>"
            case .error(let message):
                return open + ">\n      <error message=\"\(escape(message))\" type=\"evidence\">\(escape(message))</error>\n    </testcase>"
            case .skipped(let message):
                return open + ">\n      <skipped message=\"\(escape(message))\"/>\n    </testcase>"
            case .warning(let message):
                return open + ">\n      <system-out>warning: \(escape(message))</system-out>\n    </testcase>"
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
                : criterion.blocking && row.severity == .critical ? .failure(row.message) : .warning(row.message)
            // With several hosts a model has one testcase per host: "quality[alpha @ http://10.0.0.2:11434]".
            let subject = ([row.model ?? ""] + (row.host.map { [$0] } ?? [])).joined(separator: " @ ")
            return TestCase(className: className, name: "\(criterion.id)[\(subject)]", time: nil, outcome: outcome)
        }
        // A test that failed while every row passed still fails the criterion, and a blocking criterion needs a
        // failure even when its rows fell short only as warnings: JUnit must never be greener than the verdict.
        let failing = cases.contains { if case .failure = $0.outcome { true } else { false } }
        if (!criterion.isSatisfied && perModel.allSatisfy(\.passed)) || (criterion.blocking && !failing) {
            cases.append(TestCase(className: className, name: criterion.id, time: criterion.durationSeconds, outcome: outcome(criterion)))
        }
        return cases
    }

    private static func outcome(_ criterion: CriterionOutcome) -> Outcome {
        switch criterion.status {
        case .passed: .passed
        case .failed: criterion.blocking ? .failure(criterion.message) : .warning(criterion.message)
        case .warned: .warning(criterion.message)
        case .skipped: criterion.blocking ? .failure(criterion.message) : .skipped(criterion.message)
        case .missing: criterion.required ? .error("no result: " + criterion.message) : .skipped("not run: " + criterion.message)
        }
    }

    private static func escape(_ text: String) -> String { MarkupEscaping.xml(text) }
}
