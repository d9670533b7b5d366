import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// junit.xml against the schema CI tools hold it to (fixtures/schemas/junit.xsd: Jenkins junit-10 and Ant JUnit), the one
/// dorny/test-reporter and GitLab read durations and failures by.
struct JUnitSchemaTests {
    /// Every recorded run of fixtures/event-streams, plus one whose names and messages carry markup.
    struct Run: Sendable, CustomTestStringConvertible {
        var name: String
        var testDescription: String { name }

        func report() throws -> ReadinessReport {
            name == "hostile" ? try RendererTests.hostileReport() : try StreamFixtures.report(name)
        }

        static let all = (try! FileManager.default.contentsOfDirectory(atPath: StreamFixtures.folder.path))
            .filter { !$0.hasSuffix(".md") }.sorted().map(Run.init) + [Run(name: "hostile")]
    }

    static let schemas = [DomainFixtures.root.appendingPathComponent("fixtures/schemas/junit.xsd")]

    @Test(arguments: Run.all)
    func `junit.xml validates against the schema of its strictest readers, Jenkins junit-10 and Ant JUnit`(_ run: Run) async throws {
        guard let xmllint = try? Subprocess.locate("xmllint", environment: ProcessInfo.processInfo.environment) else {
            // CI must check the schemas; a workstation without libxml2-utils still runs the other tests.
            if ProcessInfo.processInfo.environment["CI"] != nil {
                Issue.record("xmllint is not installed: run 'apt-get install -y libxml2-utils' (.ci/run installs it)")
            }
            return
        }
        try await DomainFixtures.withTemporaryDirectory { folder in
            let junit = try DomainFixtures.write(JUnitRenderer.render(try run.report()), to: "junit.xml", in: folder)
            for schema in Self.schemas {
                let result = try await Subprocess.run(
                    xmllint.path, ["--noout", "--schema", schema.path, junit.path], timeout: .seconds(60)
                )
                #expect(result.succeeded, "\(schema.lastPathComponent): \(result.stderr)")
            }
        }
    }

    @Test(arguments: Run.all)
    func `every testcase has a time and every failure says how to fix it`(_ run: Run) throws {
        let report = try run.report()
        let document = try XMLDocument(data: Data(JUnitRenderer.render(report).utf8))
        #expect(document.rootElement()?.attributes ?? [] == [], "Ant allows no attribute on <testsuites>")
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(!cases.isEmpty)
        for testcase in cases {
            let time = testcase.attribute(forName: "time")?.stringValue
            #expect(time.flatMap(Double.init) != nil, "\(testcase.attribute(forName: "name")?.stringValue ?? "") has time \(time ?? "nil")")
        }
        for failure in try document.nodes(forXPath: "//testcase/failure").compactMap({ $0 as? XMLElement }) {
            let testcase = try #require(failure.parent as? XMLElement)
            let name = testcase.attribute(forName: "name")?.stringValue ?? ""
            let body = failure.stringValue ?? ""
            #expect(body.hasPrefix(failure.attribute(forName: "message")?.stringValue ?? "\u{0}"))
            for fix in Self.fixes(forTestcase: name, in: report) {
                #expect(body.contains("\nFix: \(fix)"), "\(name): \(body)")
            }
        }
    }

    @Test func `a failure carries the fix of its model in its body`() throws {
        let document = try XMLDocument(data: Data(JUnitRenderer.render(try StreamFixtures.report("phase1")).utf8))
        let failure = try document.nodes(forXPath: "//testcase[@name='models-available[decision_simplifier_v2]']/failure").first
        #expect(failure?.stringValue == """
            decision_simplifier_v2 is missing from Ollama
            Fix: ollama create decision_simplifier_v2 -f fixtures/mirador/modelfiles/decision_simplifier_v2.Modelfile
            """)
    }

    @Test func `the time of a per-model criterion is shared among its testcases`() throws {
        let report = try StreamFixtures.report("phase1")
        let criterion = try #require(report.criteria.first { $0.id == "models-available" })
        let document = try XMLDocument(data: Data(JUnitRenderer.render(report).utf8))
        let times = try document.nodes(forXPath: "//testcase[starts-with(@name, 'models-available[')]/@time")
            .compactMap { $0.stringValue.flatMap(Double.init) }
        #expect(times.count == 6)
        #expect(abs(times.reduce(0, +) - (criterion.durationSeconds ?? 0)) < 0.01)
    }

    /// The actions the report holds for a testcase: its model's row's, or its criterion's.
    static func fixes(forTestcase name: String, in report: ReadinessReport) -> [String] {
        let id = String(name.prefix { $0 != "[" })
        guard let criterion = report.criteria.first(where: { $0.id == id }) else { return [] }
        guard name.hasSuffix("]") else { return criterion.actions }
        let subject = name.dropFirst(id.count + 1).dropLast()
        return criterion.rows.first { row in
            ([row.model ?? ""] + (row.host.map { [$0] } ?? [])).joined(separator: " @ ") == subject
        }?.actions ?? []
    }
}
