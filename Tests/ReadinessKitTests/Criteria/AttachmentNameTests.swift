import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

struct AttachmentNameTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var model: String?
        var name: String
        var testDescription: String { model ?? "fleet-wide" }
    }

    @Test(arguments: [
        Case(model: nil, name: "quality.criterion.json"),
        Case(model: "decision_simplifier_v2", name: "quality.decision_simplifier_v2.criterion.json"),
        Case(model: "team/alpha", name: "quality.team%2Falpha.criterion.json"),
        Case(model: "alpha:7b", name: "quality.alpha%3A7b.criterion.json"),
        Case(model: "Alpha", name: "quality.%41lpha.criterion.json"),
        Case(model: "llama3.2", name: "quality.llama3%2E2.criterion.json"),
        Case(model: "modèle", name: "quality.mod%C3%A8le.criterion.json"),
        Case(model: "../x%2F", name: "quality.%2E%2E%2Fx%252%46.criterion.json"),
    ])
    func `every model name maps to a reversible, filesystem-safe attachment name`(_ row: Case) throws {
        let name = CriterionResult.attachmentName(id: "quality", model: row.model)
        #expect(name == row.name)
        #expect(!name.contains("/") && !name.hasPrefix(".") && name.utf8.allSatisfy { $0 < 0x80 })
        let parsed = try #require(CriterionResult.parseAttachmentName(name))
        #expect(parsed.id == "quality")
        #expect(parsed.model == row.model)
    }

    @Test func `names differing only in case never collide on a case-insensitive file system`() {
        let names = ["Alpha", "alpha", "ALPHA", "team/Alpha", "team/alpha"].map { CriterionResult.attachmentName(id: "quality", model: $0) }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test func `a result about a host names the host as a third part, with or without a model`() throws {
        let perModel = CriterionResult.attachmentName(id: "quality", model: "alpha", host: "http://10.0.0.2:11434")
        #expect(perModel == "quality.alpha.http%3A%2F%2F10%2E0%2E0%2E2%3A11434.criterion.json")
        let fleet = CriterionResult.attachmentName(id: "ollama-service", model: nil, host: "http://h:1")
        #expect(fleet == "ollama-service..http%3A%2F%2Fh%3A1.criterion.json")
        let parsedModel = try #require(CriterionResult.parseAttachmentName(perModel))
        #expect(parsedModel.model == "alpha" && parsedModel.host == "http://10.0.0.2:11434")
        let parsedFleet = try #require(CriterionResult.parseAttachmentName(fleet))
        #expect(parsedFleet.id == "ollama-service" && parsedFleet.model == nil && parsedFleet.host == "http://h:1")
    }

    @Test(arguments: ["quality.a.b.c.criterion.json", "quality.a..criterion.json", "quality.%2f.criterion.json", "quality.%61.criterion.json", "quality.%2.criterion.json",
                      "Quality.criterion.json", ".criterion.json", "quality..criterion.json", "quality.json"])
    func `a name the mapping cannot have made means nothing`(_ name: String) {
        #expect(CriterionResult.parseAttachmentName(name) == nil)
    }

    @Test func `a result for a namespaced model is read back under its encoded name, and a misnamed file is refused`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let result = Criterion.quality.result(model: "team/alpha:7b", passed: true, message: "fine")
            let file = folder.appendingPathComponent(result.attachmentName)
            try JSONEncoder().encode(result).write(to: file)
            #expect(try CriterionResultLoader.load(file).get() == result)

            let misnamed = folder.appendingPathComponent("quality.decision_simplifier_v2.criterion.json")
            try JSONEncoder().encode(result).write(to: misnamed)
            guard case .failure(let problem) = CriterionResultLoader.load(misnamed) else {
                Issue.record("a misnamed attachment was accepted")
                return
            }
            #expect(problem.kind == .attachment)
            #expect(problem.message == "the criterion attachment '\(misnamed.path)' holds the result of 'quality' for team/alpha:7b but is not named 'quality.team%2Falpha%3A7b.criterion.json'")
        }
    }

    @Test func `an attachment renamed to stand for another model leaves the verdict undecided`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let copy = try StreamFixtures.copy("healthy", into: folder)
            let source = copy.attachments.appendingPathComponent("quality.louisville_expert_v3.criterion.json")
            let target = copy.attachments.appendingPathComponent("quality.decision_simplifier_v2.criterion.json")
            try FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: source, to: target)
            let report = try StreamFixtures.report(events: copy.events, attachments: copy.attachments)
            #expect(report.verdict == .undecided)
            #expect(report.problems.first?.message.hasSuffix("holds the result of 'quality' for louisville_expert_v3 but is not named 'quality.louisville_expert_v3.criterion.json'") == true)
        }
    }
}
