import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// Evidence a test could forge: a severity claimed in an attachment, a built-in criterion recorded elsewhere.
struct ForgedEvidenceTests {
    @Test func `an attachment cannot downgrade a built-in criterion: the catalog and readiness.json decide its severity`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let run = try StreamFixtures.copy("phase1", into: folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: run.attachments.path) {
                let url = run.attachments.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                try Data(text.replacingOccurrences(of: #""severity" : "critical""#, with: #""severity" : "recommended""#).utf8).write(to: url)
            }
            let report = try StreamFixtures.report(events: run.events, attachments: run.attachments)
            #expect(report.verdict == .notReady)
            #expect(report.criteria.first { $0.id == "models-available" }?.severity == .critical)
            #expect(report.criteria.first { $0.id == "models-available" }?.blocking == true)
        }
    }

    @Test func `a user criterion is critical when any of its results says so`() {
        let critical = Criterion(id: "mine", title: "Mine", area: .config, severity: .critical, needsOllama: false, isPerModel: true)
        let rows = [
            critical.result(model: "a", passed: false, message: "no"),
            Criterion(id: "mine", title: "Mine", area: .config, severity: .recommended, needsOllama: false, isPerModel: true)
                .result(model: "b", passed: true, message: "yes"),
        ]
        #expect(RunAnalysis.severity(of: "mine", rows: rows, severities: [:]) == .critical)
        #expect(RunAnalysis.severity(of: "mine", rows: [rows[1]], severities: [:]) == .recommended)
        #expect(RunAnalysis.severity(of: "backup-scripts", rows: [rows[1]], severities: ["backup-scripts": .recommended]) == .recommended)
        #expect(RunAnalysis.severity(of: "quality", rows: [rows[1]], severities: [:]) == .critical)
    }

    @Test func `a built-in criterion recorded by any other test is refused, so a forged pass cannot stand in for a skipped test`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let run = try StreamFixtures.copy("phase1", into: folder)
            // The run's availability results now come from a user's test, as a forgery with `-- --skip` would.
            let text = try String(contentsOf: run.events, encoding: .utf8)
            let forged = text.replacingOccurrences(of: "ReadinessCriteria.Readiness\\/Availability\\/modelsAvailable(model:)", with: "FleetChecks.Forgery\\/claim()")
            #expect(forged != text)
            try Data(forged.utf8).write(to: run.events)
            let report = try StreamFixtures.report(events: run.events, attachments: run.attachments)
            #expect(report.verdict != .ready)
            #expect(report.problems.contains {
                $0.kind == .resultConflict && $0.message.hasSuffix("recorded a result of the built-in criterion 'models-available', which only its own test in ReadinessCriteria may record")
            })
            #expect(report.criteria.first { $0.id == "models-available" }?.rows.isEmpty == true)
        }
    }

    @Test func `a step needs availability, functionality and performance even when readiness.json made them recommended`() throws {
        var config = try StreamFixtures.config()
        for id in ["models-available", "models-respond", "response-time", "quality"] { config.severities[id] = .recommended }
        let report = try StreamFixtures.report("phase1", config: config)
        let decision = StepGate.decide(step: 4, config: config, report: report, backups: StepGate.backupFiles(in: URL(fileURLWithPath: "/nonexistent")))
        #expect(decision.outcome == .notReady)
        #expect(decision.blockers.contains("financial_planning_expert_v6 fails models-available: financial_planning_expert_v6 is missing from Ollama"))
    }
}
