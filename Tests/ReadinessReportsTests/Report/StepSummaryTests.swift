import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// The GitHub step summary stays under GitHub's 1 MiB limit, cut between lines, saying where the rest is.
struct StepSummaryTests {
    static let pointer = "\n**This summary is cut at 512 KiB** (GitHub shows at most 1 MiB per step): "
        + "the whole report is readiness-report/report.md and readiness-report/report.html, in the --out folder of the run.\n"

    @Test func `report.md of 1,000 models is cut at a line boundary under 512 KiB and points to the whole report`() {
        let markdown = MarkdownRenderer.render(LargeFleetReportTests.report)
        #expect(markdown.utf8.count > StepSummary.byteLimit, "the test needs a report bigger than the limit")
        let summary = StepSummary.render(LargeFleetReportTests.report, out: "readiness-report/")
        #expect(summary.utf8.count <= StepSummary.byteLimit)
        #expect(summary.utf8.count > StepSummary.byteLimit - 1024, "the cut keeps all the lines that fit")
        #expect(summary.hasSuffix(Self.pointer))
        let kept = summary.dropLast(Self.pointer.count)
        #expect(kept.hasSuffix("\n"))
        #expect(markdown.hasPrefix(kept))
        #expect(kept.hasPrefix("# Readiness: NOT READY\n"))
    }

    @Test func `a report that fits is appended whole`() throws {
        let report = try StreamFixtures.report("phase1")
        #expect(StepSummary.render(report, out: "readiness-report") == MarkdownRenderer.render(report))
    }

    @Test func `a cut never splits a character and escapes the folder name`() {
        let markdown = String(repeating: "| é | ✅ PASS |\n", count: 500)
        let summary = StepSummary.cut(markdown, out: "out|[x]", limit: 2048)
        #expect(summary.utf8.count <= 2048)
        #expect(summary.hasPrefix("| é | ✅ PASS |\n"))
        #expect(summary.contains("\n\n**This summary is cut at 2 KiB**"))
        #expect(summary.contains("the whole report is out\\|\\[x\\]/report.md and out\\|\\[x\\]/report.html"))
        let kept = summary.prefix { $0 != "*" }.dropLast()
        #expect(kept.split(separator: "\n").allSatisfy { $0 == "| é | ✅ PASS |" })
    }
}
