import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// What the report builder takes from the results: structured facts, never text parsed out of messages.
struct ReadinessReportBuildingTests {
    /// The report of the healthy run after `edit` rewrote its `ollama-service` attachment (a JSON object).
    static func healthyReport(editingService edit: (inout [String: Any]) -> Void) async throws -> ReadinessReport {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let (events, attachments) = try StreamFixtures.copy("healthy", into: folder)
            let file = attachments.appendingPathComponent("ollama-service.criterion.json")
            var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            edit(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: file)
            return ReadinessReport.build(from: RunEvidence.read(from: events), context: .init(
                config: try StreamFixtures.config(), gateName: "phase2", locator: AttachmentLocator(directories: [attachments]),
                generatedAt: StreamFixtures.generatedAt, toolVersion: "test"
            ))
        }
    }

    @Test func `the Ollama version comes from the ollama-service fact, not from its message`() async throws {
        let report = try await Self.healthyReport { object in
            object["message"] = "Ollama 9.9.9 is running at http://127.0.0.1:11434 (minimum 0.5.0)"
        }
        #expect(report.ollama.version == "0.6.5")
        #expect(report.verdict == .ready)
    }

    @Test func `a result recorded before facts existed still counts, and its message is not mined for a version`() async throws {
        let report = try await Self.healthyReport { object in
            object["facts"] = nil
        }
        #expect(report.problems.isEmpty)
        #expect(report.criteria.first { $0.id == "ollama-service" }?.status == .passed)
        #expect(report.verdict == .ready)
        #expect(report.ollama.version == nil)
    }
}
