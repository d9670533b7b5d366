import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

struct VerdictTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var fixture: String
        var outcome: Verdict.Outcome
        var summary: String
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "healthy", outcome: .ready, summary: "Gate 'phase2': all 8 required criteria passed."),
        Case(
            fixture: "phase1", outcome: .notReady,
            summary: "Gate 'phase2': 6 required critical criteria did not pass (models-available, models-respond, success-rate, response-time, quality, configs)."
        ),
        Case(fixture: "warning-only", outcome: .ready, summary: "Gate 'phase2': all 8 required criteria passed; 2 warnings."),
        Case(
            fixture: "critical-skipped", outcome: .notReady,
            summary: "Gate 'phase2': 1 required critical criterion did not pass (backup-scripts)."
        ),
        Case(
            fixture: "critical-filtered", outcome: .undecided,
            summary: "Gate 'phase2' cannot be decided: the gate requires a criterion without a result: 'backup-scripts' (no test recorded it (filtered out, or not part of the suites))."
        ),
        Case(
            fixture: "unlisted-failure", outcome: .notReady,
            summary: "Gate 'phase2': 1 readiness test failed without recording a criterion."
        ),
        Case(
            fixture: "no-tests-matched", outcome: .undecided,
            summary: "Gate 'phase2' cannot be decided: the run ended without running any test: no test matched the filter (and 1 more)."
        ),
        Case(
            fixture: "build-failure", outcome: .undecided,
            summary: "Gate 'phase2' cannot be decided: the event stream 'build-failure/events.jsonl' does not exist or cannot be read (and 1 more)."
        ),
    ]

    @Test(arguments: cases)
    func `each recorded run gets its verdict`(_ row: Case) throws {
        let report = try StreamFixtures.report(row.fixture)
        #expect(report.verdict == row.outcome)
        #expect(report.summary == row.summary)
    }

    @Test(arguments: ["crash", "truncated"])
    func `a crash or a truncated stream is never ready, even when every result so far passed`(_ fixture: String) throws {
        let report = try StreamFixtures.report(fixture)
        #expect(report.verdict == .undecided)
        #expect(report.criteria.filter(\.required).allSatisfy { $0.status != .failed })
        #expect(report.problems.first?.kind == (fixture == "crash" ? .runNotEnded : .streamTruncated))
    }

    @Test func `phase1 names the three missing models and the commands that build them`() throws {
        let report = try StreamFixtures.report("phase1")
        let available = try #require(report.criteria.first { $0.id == "models-available" })
        #expect(available.message == "3 of 6 models fall short: financial_planning_expert_v6, decision_simplifier_v2, enhanced_agent_fast_v6")
        #expect(available.rows.map(\.model) == DomainFixtures.miradorModels)
        #expect(available.blocking)
        #expect(report.actions.prefix(3) == [
            "ollama create financial_planning_expert_v6 -f fixtures/mirador/modelfiles/financial_planning_expert_v6.Modelfile",
            "ollama create decision_simplifier_v2 -f fixtures/mirador/modelfiles/decision_simplifier_v2.Modelfile",
            "ollama create enhanced_agent_fast_v6 -f fixtures/mirador/modelfiles/enhanced_agent_fast_v6.Modelfile",
        ])
        #expect(report.models.filter { $0.status == .failed }.map(\.name) == Array(DomainFixtures.miradorModels.suffix(3)))
        #expect(report.models[3].failing == ["models-available", "models-respond", "response-time", "quality", "configs"])
    }

    @Test func `a skipped critical criterion blocks with the skip reason`() throws {
        let backup = try #require(try StreamFixtures.report("critical-skipped").criteria.first { $0.id == "backup-scripts" })
        #expect(backup.status == .skipped)
        #expect(backup.blocking)
        #expect(backup.message == "skipped: backup host unavailable")
    }

    @Test func `recommended shortfalls warn without blocking`() throws {
        let report = try StreamFixtures.report("warning-only")
        #expect(report.criteria(.warned).map(\.id) == ["disk-space", "migration-scripts"])
        #expect(report.warnings == [
            "disk-space (not in gate 'phase2') fell short: 94% of the disk holding the models is used",
            "migration-scripts (not in gate 'phase2') fell short: scripts/migrate_model.sh --dry-run exited with code 1",
        ])
    }

    @Test func `a readiness test failing without a criterion blocks the gate`() throws {
        let report = try StreamFixtures.report("unlisted-failure")
        #expect(report.unlistedTests == [UnlistedTest(
            test: "Readiness/Custom/teamPolicy()", status: .failed,
            messages: ["Expectation failed: (answers → 1) == 2: the on-call runbook names every model"]
        )])
        #expect(report.reasons.first == "Readiness/Custom/teamPolicy() failed without recording a criterion: Expectation failed: (answers → 1) == 2: the on-call runbook names every model")
    }

    @Test func `a user's critical criterion blocks a gate with allCritical and only warns without it`() throws {
        let blocked = try StreamFixtures.report("custom-critical")
        #expect(blocked.verdict == .notReady)
        #expect(blocked.summary == "Gate 'phase2': 1 required critical criterion did not pass (context-window).")
        #expect(blocked.gate.criteria.last == "context-window")
        #expect(blocked.actions.first == "Add PARAMETER num_ctx 4096 to matthew_context_provider_v2's Modelfile and rebuild it.")

        var config = try StreamFixtures.config()
        config.gates = [.init(name: "phase2", criteria: ReadinessConfig.defaultGate.criteria)]
        let listed = try StreamFixtures.report("custom-critical", config: config)
        #expect(listed.verdict == .ready)
        #expect(listed.gate.criteria == ReadinessConfig.defaultGate.criteria)
        #expect(listed.warnings == ["context-window (not in gate 'phase2') fell short: 6 of 6 models fall short: "
            + "matthew_context_provider_v2, louisville_expert_v3, enhanced_agent_enforcer_v2, financial_planning_expert_v6, "
            + "decision_simplifier_v2, enhanced_agent_fast_v6"])
    }

    @Test func `results that passed do not save a criterion whose test failed`() {
        var evidence = RunEvidence()
        let lines = [
            #"{"kind":"test","payload":{"id":"ReadinessSuites.R/quality(model:)/F.swift:1:1","kind":"function","name":"quality(model:)"},"version":"6.3.0"}"#,
            #"{"kind":"event","payload":{"kind":"testStarted","testID":"ReadinessSuites.R/quality(model:)/F.swift:1:1","instant":{"since1970":1}},"version":"6.3.0"}"#,
            #"{"kind":"event","payload":{"kind":"issueRecorded","issue":{"isFailure":true,"severity":"error"},"messages":[{"symbol":"fail","text":"Caught error: timeout"}],"testID":"ReadinessSuites.R/quality(model:)/F.swift:1:1"},"version":"6.3.0"}"#,
            #"{"kind":"event","payload":{"kind":"testEnded","testID":"ReadinessSuites.R/quality(model:)/F.swift:1:1","instant":{"since1970":3}},"version":"6.3.0"}"#,
        ]
        for line in lines { evidence.consume(line: Data(line.utf8)) }
        let analysis = RunAnalysis.analyze(evidence, required: ["quality"], modelOrder: [], locator: AttachmentLocator())
        let quality = analysis.criteria.first { $0.id == "quality" }
        #expect(quality?.status == .failed)
        #expect(quality?.message == "its test failed: Caught error: timeout")
        #expect(quality?.durationSeconds == 2)
    }

    struct BrokenAttachment: Sendable, CustomTestStringConvertible {
        var name: String
        var contents: String
        var message: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BrokenAttachment(name: "not JSON", contents: "{", message: "is unreadable: it is not JSON with a numeric schemaVersion"),
        BrokenAttachment(
            name: "future schema", contents: #"{"schemaVersion": 2}"#,
            message: "has schemaVersion 2; this runner reads version 1"
        ),
        BrokenAttachment(
            name: "wrong shape", contents: #"{"schemaVersion": 1, "id": "configs"}"#,
            message: "is unreadable: it does not match the CriterionResult shape (missing key 'title')"
        ),
    ])
    func `an unreadable attachment leaves the verdict undecided`(_ row: BrokenAttachment) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let copy = try StreamFixtures.copy("healthy", into: folder)
            let file = copy.attachments.appendingPathComponent("backup-scripts.criterion.json")
            try Data(row.contents.utf8).write(to: file)
            let report = ReadinessReport.build(from: RunEvidence.read(from: copy.events), context: .init(
                config: try StreamFixtures.config(), gateName: "phase2",
                locator: AttachmentLocator(directories: [copy.attachments]), generatedAt: StreamFixtures.generatedAt, toolVersion: "test"
            ))
            #expect(report.verdict == .undecided)
            #expect(report.problems.first?.kind == .attachment)
            #expect(report.problems.first?.message == "the criterion attachment '\(file.path)' \(row.message)")
        }
    }

    @Test func `attachments are looked up by name in the given folders, else at the recorded path`() {
        let recorded = "/tmp/elsewhere/models-available.criterion.json"
        let folder = StreamFixtures.attachments("healthy")
        #expect(AttachmentLocator().locate(recorded).path == recorded)
        let located = AttachmentLocator(directories: [URL(fileURLWithPath: "/nonexistent"), folder]).locate("/x/docs.criterion.json")
        #expect(located.path == folder.appendingPathComponent("docs.criterion.json").path)
    }

    @Test func `an unknown gate leaves the verdict undecided and lists the gates`() throws {
        let report = try StreamFixtures.report("healthy", gate: "phase3")
        #expect(report.verdict == .undecided)
        #expect(report.problems.map(\.kind) == [.config])
        #expect(report.problems[0].message.hasSuffix("defines no gate 'phase3' (its gates: 'phase2')"))
    }

    @Test func `test function names map to criterion ids`() {
        #expect(RunAnalysis.criterionID(forFunction: "modelsAvailable(model:)") == "models-available")
        #expect(RunAnalysis.criterionID(forFunction: "ollamaService()") == "ollama-service")
        #expect(RunAnalysis.criterionID(forFunction: "docs()") == "docs")
    }
}
