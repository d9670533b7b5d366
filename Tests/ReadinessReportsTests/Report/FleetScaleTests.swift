import Foundation
import TestFixtures
import Testing
@testable import OllamaKit
@testable import ReadinessKit
@testable import ReadinessReports

/// Doubling the fleet at most about doubles the work outside inference: reading the run, judging it and
/// rendering every report, counted in model-name parses (the work that once grew with the cube of the fleet).
struct FleetScaleTests {
    /// The names parsed to read, judge and render a generated run of `size` models (2 prompts each, every tenth failing).
    static func parses(models size: Int) throws -> Int {
        let folder = FleetStream.scratch.appendingPathComponent("readiness-scale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = FleetStream.names(size)
        let failing = Set(names.enumerated().filter { $0.offset % 10 == 9 }.map(\.element))
        let config = try FleetStream.config(names, prompts: 2, in: folder)
        let stream = try FleetStream.stream(names, failing: failing, prompts: 2, attachments: folder.appendingPathComponent("attachments"))
        let counter = ModelNameParseCounter()
        try ModelNameParseCounter.$current.withValue(counter) {
            let report = ReadinessReport.build(from: RunEvidence.parse(stream, name: "fleet.jsonl"), context: .init(
                config: config, gateName: "phase2", generatedAt: StreamFixtures.generatedAt, toolVersion: "test"
            ))
            #expect(report.models.count == size)
            _ = [MarkdownRenderer.render(report), JUnitRenderer.render(report), HTMLRenderer.render(report), ConsoleRenderer.render(report)]
            _ = try ReadinessReport.encoder().encode(report)
        }
        return counter.count
    }

    @Test func `twice the models cost at most about twice the name parses, from the event stream to every report`() throws {
        let small = try Self.parses(models: 100), large = try Self.parses(models: 200)
        #expect(small >= 100, "every model's name is parsed at least once (\(small) parses)")
        #expect(Double(large) <= 2.2 * Double(small), "100 models: \(small) parses, 200 models: \(large)")
    }
}
