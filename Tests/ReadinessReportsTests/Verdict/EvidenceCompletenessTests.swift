import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// A healthy run damaged one way at a time: each damage must leave the verdict UNDECIDED, never READY, naming
/// what is missing or inconsistent.
struct EvidenceCompletenessTests {
    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        /// Changes the copied stream and its attachments.
        var damage: @Sendable (_ events: URL, _ attachments: URL) throws -> Void = { _, _ in }
        /// Changes the config the report is built with.
        var config: @Sendable (inout ReadinessConfig) -> Void = { _ in }
        var kind: RunProblem.Kind
        var message: String
        var testDescription: String { name }
    }

    static let quality = "quality.decision_simplifier_v2.criterion.json"

    static func result(_ name: String, in attachments: URL) throws -> CriterionResult {
        try JSONDecoder().decode(CriterionResult.self, from: Data(contentsOf: attachments.appendingPathComponent(name)))
    }

    /// Adds `result` as another attachment of the test that recorded `sibling`.
    static func attach(_ result: CriterionResult, besideLineOf sibling: String, events: URL, attachments: URL) throws {
        try JSONEncoder().encode(result).write(to: attachments.appendingPathComponent(result.attachmentName))
        try StreamFixtures.editLines(of: events) { lines in
            lines.flatMap { line in
                line.contains("valueAttached") && line.contains(sibling)
                    ? [line, line.replacingOccurrences(of: sibling, with: result.attachmentName)] : [line]
            }
        }
    }

    static func model(_ name: String) -> ReadinessConfig.Model {
        ReadinessConfig.Model(name: name, critical: true, prompts: [])
    }

    static let cases: [Damage] = [
        Damage(
            name: "a critical model the run never measured",
            config: { $0.models.append(model("team/alpha:7b")) },
            kind: .resultMissing, message: "no result of 'models-available' for team/alpha:7b"
        ),
        Damage(
            name: "one model's valueAttached line removed",
            damage: { events, _ in
                try StreamFixtures.editLines(of: events) { $0.filter { !($0.contains("valueAttached") && $0.contains(quality)) } }
            },
            kind: .resultMissing, message: "no result of 'quality' for decision_simplifier_v2"
        ),
        Damage(
            name: "one model's attachment removed",
            damage: { _, attachments in try FileManager.default.removeItem(at: attachments.appendingPathComponent(quality)) },
            kind: .attachment, message: "does not exist or cannot be read"
        ),
        Damage(
            name: "a second runStarted",
            damage: { events, _ in
                try StreamFixtures.editLines(of: events) { lines in lines.flatMap { $0.contains(#""kind":"runStarted""#) ? [$0, $0] : [$0] } }
            },
            kind: .streamInconsistent, message: "holds 2 runStarted records: it mixes several runs"
        ),
        Damage(
            name: "no runStarted",
            damage: { events, _ in try StreamFixtures.editLines(of: events) { $0.filter { !$0.contains(#""kind":"runStarted""#) } } },
            kind: .streamInconsistent, message: "has no runStarted record: it is not the record of a whole run"
        ),
        Damage(
            name: "a record after runEnded",
            damage: { events, _ in
                try StreamFixtures.editLines(of: events) { lines in lines + lines.filter { $0.contains("valueAttached") && $0.contains(quality) } }
            },
            kind: .streamInconsistent, message: "has 1 record after runEnded (from line 159): runEnded must be last"
        ),
        Damage(
            name: "a record of another stream version",
            damage: { events, _ in
                try StreamFixtures.editLines(of: events) { lines in
                    var lines = lines
                    lines[10] = lines[10].replacingOccurrences(of: #""version":"6.3.0""#, with: #""version":"6.2.0""#)
                    return lines
                }
            },
            kind: .streamInconsistent, message: "has 1 record without the stream version '6.3.0' (from line 11)"
        ),
        Damage(
            name: "the same model recorded twice with different outcomes",
            damage: { events, attachments in
                var other = try result(quality, in: attachments)
                other.model = "Decision_Simplifier_v2:latest"
                other.passed = false
                try attach(other, besideLineOf: quality, events: events, attachments: attachments)
            },
            kind: .resultConflict,
            message: "'quality' was recorded 2 times for decision_simplifier_v2 with different outcomes (passed and failed)"
        ),
        Damage(
            name: "a result for a model readiness.json does not name",
            damage: { events, attachments in
                var other = try result(quality, in: attachments)
                other.model = "stranger_v1"
                try attach(other, besideLineOf: quality, events: events, attachments: attachments)
            },
            kind: .resultConflict,
            message: "'quality' has a result for stranger_v1, which readiness.json does not name: the evidence is not of this check"
        ),
    ]

    @Test(arguments: cases)
    func `damaged evidence is undecided and says what is missing`(_ row: Damage) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let copy = try StreamFixtures.copy("healthy", into: folder)
            try row.damage(copy.events, copy.attachments)
            var config = try StreamFixtures.config()
            row.config(&config)
            let report = try StreamFixtures.report(events: copy.events, attachments: copy.attachments, config: config)
            #expect(report.verdict == .undecided)
            let problem = try #require(report.problems.first { $0.kind == row.kind })
            #expect(problem.message.contains(row.message), "\(problem.message)")
            #expect(report.summary.hasPrefix("Gate 'phase2' cannot be decided: "))
        }
    }

    @Test func `removing the one failing model's result does not turn NOT READY into READY`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let copy = try StreamFixtures.copy("healthy", into: folder)
            try StreamFixtures.editAttachment(Self.quality, in: copy.attachments) {
                $0.replacingOccurrences(of: #""passed" : true"#, with: #""passed" : false"#)
            }
            #expect(try StreamFixtures.report(events: copy.events, attachments: copy.attachments).verdict == .notReady)

            try StreamFixtures.editLines(of: copy.events) { $0.filter { !($0.contains("valueAttached") && $0.contains(Self.quality)) } }
            let report = try StreamFixtures.report(events: copy.events, attachments: copy.attachments)
            #expect(report.verdict == .undecided)
            #expect(report.summary == "Gate 'phase2' cannot be decided: no result of 'quality' for decision_simplifier_v2.")
            let quality = try #require(report.criteria.first { $0.id == "quality" })
            #expect(quality.status == .missing)
            #expect(report.models.first { $0.name == "decision_simplifier_v2" }?.status == .passed)
        }
    }

    @Test func `a model measured under another spelling of its name counts`() throws {
        var config = try StreamFixtures.config()
        config.models[0].name = "Matthew_Context_Provider_V2:latest"
        let report = try StreamFixtures.report("healthy", config: config)
        #expect(report.verdict == .ready)
    }

    @Test func `a failure on consistent evidence still blocks when another model is unmeasured`() throws {
        var config = try StreamFixtures.config()
        config.models.append(Self.model("team/alpha:7b"))
        let report = try StreamFixtures.report("phase1", config: config)
        #expect(report.verdict == .notReady)
        #expect(report.reasons.contains("no result of 'models-available' for team/alpha:7b"))
    }
}
