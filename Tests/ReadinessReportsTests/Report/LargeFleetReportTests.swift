import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// Reports stay usable at 1,000 models: what falls short first, a console of bounded length, and a one-page HTML
/// overview whose grid has a cell per model and criterion while each model's details stay folded.
struct LargeFleetReportTests {
    static let size = 1_000
    /// Every tenth model fails quality and response time.
    static let failing = FleetStream.names(size).enumerated().filter { $0.offset % 10 == 9 }.map(\.element)
    /// The per-model criteria of the catalog, the grid's columns.
    static let perModel = Criterion.all.filter(\.isPerModel).map(\.id)

    /// The report of a generated 1,000-model run, built once for the suite.
    static let report: ReadinessReport = {
        let folder = FleetStream.scratch.appendingPathComponent("readiness-fleet-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = FleetStream.names(size)
        let config = try! FleetStream.config(names, prompts: 2, in: folder)
        let stream = try! FleetStream.stream(names, failing: Set(failing), prompts: 2, attachments: folder.appendingPathComponent("attachments"))
        return ReadinessReport.build(from: RunEvidence.parse(stream, name: "fleet.jsonl"), context: .init(
            config: config, gateName: "phase2", generatedAt: StreamFixtures.generatedAt, toolVersion: "test"
        ))
    }()

    @Test func `the generated run is NOT READY on exactly the failing models`() {
        #expect(Self.report.verdict == .notReady)
        #expect(Self.report.models.count == Self.size)
        #expect(Self.report.models.filter { $0.status == .failed }.map(\.name) == Self.failing)
    }

    @Test func `the console shows at most 40 criterion and model lines, failing first, and says where the rest are`() throws {
        let console = ConsoleRenderer.render(Self.report, details: "out/report.md")
        let lines = console.split(separator: "\n").map(String.init)
        let criteria = try #require(lines.firstIndex { $0.hasPrefix("CRITERION") })
        let legend = try #require(lines.firstIndex { $0.hasPrefix("(* not required") })
        let models = try #require(lines.firstIndex { $0.hasPrefix("MODEL") })
        let more = try #require(lines.firstIndex { $0.hasPrefix("… and ") })
        let criterionLines = legend - criteria - 1, modelLines = more - models - 1
        #expect(criterionLines == Criterion.all.count)
        #expect(criterionLines + modelLines == ConsoleRenderer.lineLimit)
        #expect(lines[models + 1].split(separator: " ") == ["fleet_model_9:latest", "FAIL", "response-time,", "quality"])
        #expect(lines[models + 1...models + modelLines].map { String($0.prefix { $0 != " " }) } == Array(Self.failing.prefix(modelLines)))
        #expect(lines[more] == "… and \(Self.failing.count - modelLines) more models that fall short: see out/report.md")
        #expect(lines[more + 1] == "1000 models: 100 fail, 900 pass.")
        #expect(lines.count == more + 5)
        #expect(lines.last == "NOT READY: Gate 'phase2': 2 required critical criteria did not pass (response-time, quality).")
        #expect(lines.allSatisfy { $0.count <= 300 })
    }

    @Test func `report.md puts the tally and the failing models first`() throws {
        let markdown = MarkdownRenderer.render(Self.report).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let tally = try #require(markdown.firstIndex(of: "1000 models: 100 fail, 900 pass, those that fall short first under Models."))
        #expect(tally < (markdown.firstIndex(of: "## Why") ?? 0))
        let table = try #require(markdown.firstIndex(of: "## Models")) + 4
        let names = markdown[table..<(table + Self.size)].map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) }
        #expect(Array(names.prefix(Self.failing.count)) == Self.failing)
        #expect(names.dropFirst(Self.failing.count).first == "fleet_model_0:latest")
        #expect(Set(names).count == Self.size)
        // Within a criterion too, the rows that fall short come first.
        let quality = try #require(markdown.firstIndex { $0.hasPrefix("| **quality**") })
        #expect(markdown[quality + 1].hasPrefix("| ↳ fleet_model_9:latest |  |  | ❌ FAIL | 0.41 |"))
    }

    @Test func `report.html has a grid cell per model and criterion, failing models first, details folded`() throws {
        let html = HTMLRenderer.render(Self.report)
        let document = try XMLDocument(data: Data(html.utf8), options: [.nodePreserveWhitespace])
        let columns = try document.nodes(forXPath: "//table[@class='grid']/thead/tr/th[@class='column']").map { $0.stringValue ?? "" }
        #expect(columns == Self.perModel)
        let rows = try document.nodes(forXPath: "//table[@class='grid']/tbody/tr").compactMap { $0 as? XMLElement }
        #expect(rows.count == Self.size)
        #expect(rows.allSatisfy { $0.elements(forName: "td").count == Self.perModel.count })
        #expect(rows.prefix(Self.failing.count).map { $0.elements(forName: "th").first?.stringValue ?? "" } == Self.failing)
        let failed = try document.nodes(forXPath: "//table[@class='grid']//td[@class='failed']").compactMap { $0 as? XMLElement }
        #expect(failed.count == Self.failing.count * 2)
        #expect(failed.first?.attribute(forName: "title")?.stringValue == "fleet_model_9:latest · response-time: FAIL 40 s — average 40.0 s over 2 answers")
        let details = try document.nodes(forXPath: "//details[starts-with(@id, 'model-')]").compactMap { $0 as? XMLElement }
        #expect(details.count == Self.size)
        #expect(details.allSatisfy { $0.attribute(forName: "open") == nil })
        #expect(details.first?.elements(forName: "summary").first?.stringValue == "FAIL fleet_model_9:latest: falls short of response-time, quality")
        // The charts show the worst 25 models, not a thousand bars.
        let titles = try document.nodes(forXPath: "//*[local-name()='svg']/*[local-name()='title']").map { $0.stringValue ?? "" }
        #expect(titles == [
            "Response time per model (p50, p95): the 25 slowest (p95) of 1000 models",
            "Quality score per model: the 25 lowest of 1000 models", "Success rate: the 0 lowest of 1000 models",
        ])
    }

    @Test func `a hostile model name stays escaped in the grid and its details`() throws {
        let report = try RendererTests.hostileReport()
        let html = HTMLRenderer.render(report)
        let document = try XMLDocument(data: Data(html.utf8))
        let hostile = report.models[0].name
        let names = try document.nodes(forXPath: "//table[@class='grid']/tbody/tr/th").map { $0.stringValue ?? "" }
        #expect(names.contains(hostile))
        let titles = try document.nodes(forXPath: "//table[@class='grid']//td/@title").map { $0.stringValue ?? "" }
        #expect(titles.contains("\(hostile) · models-available: PASS 1"))
        #expect(html.contains("<a href=\"#model-3\">evil&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;model&quot;</a>"))
        #expect(html.contains("<strong>evil&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;model&quot;</strong>"))
        #expect(!html.contains("<script"))
    }
}
