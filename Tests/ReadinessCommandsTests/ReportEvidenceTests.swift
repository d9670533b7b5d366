import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

struct ReportEvidenceTests {
    /// A copy of the Mirador config with one more critical model, which no recorded run measured.
    static func configNamingAnUnmeasuredModel(in folder: URL) throws -> URL {
        let mirador = folder.appendingPathComponent("mirador")
        try FileManager.default.copyItem(at: DomainFixtures.mirador, to: mirador)
        let file = mirador.appendingPathComponent("readiness.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: #""models": ["#, with: #""models": [ { "name": "team/alpha:7b", "critical": true, "prompts": [{ "prompt": "Hi", "expect": ["hi"] }] },"#
        )
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test func `report with a critical model the run never measured is undecided with exit 2`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try Self.configNamingAnUnmeasuredModel(in: folder)
            let result = await ReadinessCLITests.run(
                ["report", StreamFixtures.events("healthy").path, "--attachments", StreamFixtures.attachments("healthy").path,
                 "--config", config.path],
                in: folder
            )
            #expect(result.status == .undecided)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.verdict == .undecided)
            #expect(report.summary == "Gate 'phase2' cannot be decided: no result of 'models-available' for team/alpha:7b (and 4 more).")
            #expect(report.models.first { $0.name == "team/alpha:7b" }?.status == .missing)
        }
    }
}
