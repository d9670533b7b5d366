import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

struct RendererTests {
    /// A report whose model name and message carry markup, to prove every format escapes them.
    static func hostileReport() throws -> ReadinessReport {
        var report = try StreamFixtures.report("phase1")
        let hostile = "evil<script>alert('x')</script>&\"model\""
        report.criteria[0].rows[0].model = hostile
        report.criteria[0].rows[0].message = "missing | <b>bold</b> & \"quoted\"\nsecond line"
        report.models[0].name = hostile
        report.summary = "Gate <phase2> & co"
        return report
    }

    @Test func `report.json round-trips through its schema`() throws {
        let report = try StreamFixtures.report("phase1")
        let data = try ReadinessReport.encoder().encode(report)
        #expect(try JSONDecoder().decode(ReadinessReport.self, from: data) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect(object["verdict"] as? String == "not-ready")
        #expect((object["gate"] as? [String: Any])?["name"] as? String == "phase2")
        #expect((object["criteria"] as? [Any])?.count == 11)
        #expect((object["models"] as? [Any])?.count == 6)
        #expect((object["tool"] as? [String: Any])?["version"] as? String == "test")
        #expect((object["ollama"] as? [String: Any])?["version"] as? String == "0.6.5")
        #expect((object["ollama"] as? [String: Any])?["host"] as? String == "http://127.0.0.1:11434")
        #expect((object["timings"] as? [String: Any])?["generatedAt"] as? String == "2026-11-25T09:46:40.000Z")
    }

    @Test func `report.json of another schema version is refused with the fix`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("report.json")
            let data = Data(#"{"schemaVersion": 9}"#.utf8)
            try data.write(to: file)
            try ReportCompletion(runID: "r", files: [("report.json", data)]).text.write(
                to: folder.appendingPathComponent(ReportCompletion.fileName), atomically: true, encoding: .utf8
            )
            #expect(throws: ReportError.unsupportedVersion(file.relativePath, version: 9)) { try ReadinessReport.load(from: file) }
        }
    }

    @Test func `the Markdown report puts the verdict first, then why and the exact commands`() throws {
        let markdown = MarkdownRenderer.render(try StreamFixtures.report("phase1"))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "# Readiness: NOT READY")
        #expect(lines[2] == "**Gate 'phase2': 6 required critical criteria did not pass (models-available, models-respond, success-rate, response-time, quality, configs).**")
        #expect(lines.contains("- models-available failed: 3 of 6 models fall short: financial_planning_expert_v6, decision_simplifier_v2, enhanced_agent_fast_v6"))
        #expect(lines.contains("1. ollama create financial_planning_expert_v6 -f fixtures/mirador/modelfiles/financial_planning_expert_v6.Modelfile"))
        #expect(lines.contains("| **success-rate** (gate)<br>Performance testing success rate | performance | critical | ❌ FAIL | 50% | > 80% | 6 of 12 test queries succeeded |"))
        #expect(lines.contains("| ↳ decision_simplifier_v2 |  |  | ❌ FAIL | 0 | >= 1 | decision_simplifier_v2 is missing from Ollama |"))
        #expect(lines.contains("| matthew_context_provider_v2 | 1 | ✅ PASS | 1.1 s | 2.4 s | 0.92 |  |  |"))
        #expect(lines.contains("- Ollama: http://127.0.0.1:11434, version 0.6.5"))
    }

    @Test func `Markdown table cells escape pipes, newlines and markup`() throws {
        let markdown = MarkdownRenderer.render(try Self.hostileReport())
        #expect(markdown.contains("missing \\| &lt;b>bold&lt;/b> & \"quoted\" second line"))
        #expect(!markdown.contains("<script>"))
    }

    @Test func `JUnit has one testcase per criterion and per model and parses back`() throws {
        let xml = JUnitRenderer.render(try StreamFixtures.report("phase1"))
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(document.rootElement()?.name == "testsuites")
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "tests")?.stringValue == "36")
        #expect(suite.attribute(forName: "failures")?.stringValue == "16")
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == 36)
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(names.contains("models-available[financial_planning_expert_v6]"))
        #expect(names.contains("success-rate"))
        let failure = try document.nodes(forXPath: "//testcase[@name='models-available[decision_simplifier_v2]']/failure").first as? XMLElement
        #expect(failure?.attribute(forName: "message")?.stringValue == "decision_simplifier_v2 is missing from Ollama")
        let verdict = try document.nodes(forXPath: "//property[@name='verdict']").first as? XMLElement
        #expect(verdict?.attribute(forName: "value")?.stringValue == "not-ready")
    }

    @Test func `JUnit turns evidence problems into errors and escapes hostile text`() throws {
        let crash = try XMLDocument(data: Data(JUnitRenderer.render(try StreamFixtures.report("crash")).utf8))
        let error = try crash.nodes(forXPath: "//testcase[@classname='readiness.run'][@name='run-not-ended']/error").first as? XMLElement
        #expect(error?.attribute(forName: "message")?.stringValue?.hasPrefix("the test run never ended") == true)

        let hostile = try XMLDocument(data: Data(JUnitRenderer.render(try Self.hostileReport()).utf8))
        let names = try hostile.nodes(forXPath: "//testcase").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        #expect(names.contains("models-available[evil<script>alert('x')</script>&\"model\"]"))
    }

    @Test func `the HTML page is well-formed, self-contained and escapes model names and messages`() throws {
        let html = HTMLRenderer.render(try Self.hostileReport())
        let document = try XMLDocument(data: Data(html.utf8))
        #expect(document.rootElement()?.name == "html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
        #expect(!html.contains("<link"))
        #expect(html.contains("evil&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;model&quot;"))
        #expect(html.contains("<header class=\"banner not-ready\"><h1>Readiness: NOT READY</h1>"))
        let charts = try document.nodes(forXPath: "//*[local-name()='svg']")
        #expect(charts.count == 3)
        #expect(html.contains("threshold &lt; 30 s"))
        #expect(html.contains("@media print"))
    }

    @Test func `the console ends with the compact table and the verdict line`() throws {
        let console = ConsoleRenderer.render(try StreamFixtures.report("critical-skipped"))
        let lines = console.split(separator: "\n").map(String.init)
        #expect(lines.first == "CRITERION            SEVERITY     STATUS  MEASURED  THRESHOLD")
        #expect(lines.contains("backup-scripts       critical     SKIP"))
        #expect(lines.last == "NOT READY: Gate 'phase2': 1 required critical criterion did not pass (backup-scripts).")
    }

    @Test func `GitHub annotations flag blockers as errors and shortfalls as warnings, escaped`() throws {
        let warning = GitHubAnnotations.render(try StreamFixtures.report("warning-only"))
        #expect(warning == """
            ::warning title=Readiness%3A disk-space::94% of the disk holding the models is used
            ::warning title=Readiness%3A migration-scripts::scripts/migrate_model.sh --dry-run exited with code 1

            """.replacingOccurrences(of: "94%", with: "94%25"))
        #expect(GitHubAnnotations.render(try StreamFixtures.report("healthy")).isEmpty)
        let hostile = GitHubAnnotations.render(try Self.hostileReport())
        #expect(hostile.hasPrefix("::error title=Readiness%3A models-available::3 of 6 models fall short"))
    }

    @Test func `reports are written atomically, leaving no temporary files`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let out = folder.appendingPathComponent("nested/out")
            let report = try StreamFixtures.report("healthy")
            let written = try ReportWriter.writeAll(report, to: out)
            #expect(written.map(\.lastPathComponent) == ["report.md", "report.json", "junit.xml", "report.html"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["junit.xml", "report.complete", "report.html", "report.json", "report.md"])
            #expect(try ReadinessReport.load(from: out.appendingPathComponent("report.json")) == report)
            try ReportWriter.write(Data("new".utf8), to: out.appendingPathComponent("report.md"))
            #expect(try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8) == "new")
        }
    }

    @Test func `numbers and thresholds read the same in every format`() {
        #expect(ReportFormatting.value(0.5, unit: "ratio") == "50%")
        #expect(ReportFormatting.value(12.345, unit: "s") == "12.35 s")
        #expect(ReportFormatting.threshold(.init(.greaterThan, 0.8, unit: "ratio")) == "> 80%")
        #expect(ReportFormatting.threshold(.init(.atLeast, 1, unit: "count")) == ">= 1")
        #expect(ReportFormatting.duration(125) == "2 min 5 s")
    }
}
