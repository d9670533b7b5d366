import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

/// The catalog: each criterion declared once with its evaluation, and criteria without one failing closed.
struct CriterionTests {
    /// The Mirador checklist against an Ollama that does not answer (nothing listens on port 9), so no
    /// evaluation can pass by accident.
    static func offlineChecklist() throws -> Checklist {
        try ChecklistTests.checklist(host: URL(string: "http://127.0.0.1:9")!)
    }

    @Test func `every catalog criterion has its own id and an evaluation the checklist runs`() async throws {
        #expect(Set(Criterion.all.map(\.id)).count == Criterion.all.count)
        let checklist = try Self.offlineChecklist()
        for criterion in Criterion.all {
            #expect(criterion.evaluation?.isPerModel == criterion.isPerModel, "\(criterion)")
            #expect(Criterion.named(criterion.id) == criterion)
            for result in await checklist.evaluate(criterion) {
                #expect(result.message != CriterionError.noEvaluation(criterion.id).description, "\(criterion)")
            }
        }
    }

    @Test("A criterion of your own fails closed in the checklist, per model or not", arguments: [false, true])
    func ownCriterion(isPerModel: Bool) async throws {
        let own = Criterion(
            id: "vector-store", title: "Vector store answers", area: .systemHealth, severity: .recommended,
            needsOllama: false, isPerModel: isPerModel
        )
        let results = try await Self.offlineChecklist().evaluate(own)
        #expect(results.map(\.model) == (isPerModel ? DomainFixtures.miradorModels : [nil]))
        for result in results {
            #expect(!result.passed && result.id == "vector-store")
            #expect(result.message == "'vector-store' is not a catalog criterion, so it has no evaluation: decide it in ReadinessFixture.check(criterion) { checklist in … }")
        }
    }

    @Test func `a criterion is equal to another with the same description, whatever its evaluation`() {
        let copy = Criterion(
            id: "models-available", title: "All critical models available in Ollama", area: .availability,
            severity: .critical, needsOllama: true, isPerModel: true
        )
        #expect(copy == .modelsAvailable && copy.hashValue == Criterion.modelsAvailable.hashValue)
        #expect(copy.evaluation == nil && Criterion.modelsAvailable.evaluation != nil)
        #expect(Criterion.modelsAvailable != .modelsRespond)
    }
}
