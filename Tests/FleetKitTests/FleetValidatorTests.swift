import Foundation
import OllamaKit
import OllamaSimulator
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct FleetValidatorTests {
    @Test func `the checks are each critical model's first prompt`() throws {
        let config = try FleetFixtures.mirador(host: URL(string: "http://127.0.0.1:9")!)
        let checks = FleetValidator.checks(for: config)
        #expect(checks.count == 6)
        #expect(checks.first == ValidationCheck(
            model: "matthew_context_provider_v2",
            prompt: "What context should an assistant keep in mind about Matthew before giving advice?",
            expect: ["Matthew", "priorities", "family"]))
    }

    @Test func `every critical model of the healthy fleet passes`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            let validation = await FleetValidator.validate(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(validation.passed)
            #expect(validation.results.allSatisfy { !$0.matched.isEmpty })
            #expect(ValidationText.render(validation).hasSuffix("Validated 6 critical models: 6 passed, 0 failed.\n"))
        }
    }

    @Test func `an answer without any expected keyword fails, and so does a missing model`() async throws {
        let scenario = try FleetFixtures.scenario("phase1", changing: "louisville_expert_v3") {
            $0.behaviour.replies = []
            $0.behaviour.defaultReply = "I would rather talk about the weather today."
        }
        try await withSimulator(scenario) { url in
            let validation = await FleetValidator.validate(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(!validation.passed)
            let failed = Dictionary(uniqueKeysWithValues: validation.results.compactMap { result in result.failure.map { (result.check.model, $0) } })
            #expect(Set(failed.keys) == Set(FleetFixtures.phase1Missing + ["louisville_expert_v3"]))
            #expect(failed["louisville_expert_v3"] == "the answer mentions none of 'Louisville', 'neighborhood', 'schools'")
            #expect(failed["decision_simplifier_v2"]?.hasPrefix("no answer: Model 'decision_simplifier_v2' is not available in Ollama") == true)
            let text = ValidationText.render(validation)
            #expect(text.contains("FAIL louisville_expert_v3: the answer mentions none of 'Louisville', 'neighborhood', 'schools'\n"))
            #expect(text.contains("PASS matthew_context_provider_v2: the answer mentions 'Matthew'\n"))
            #expect(text.hasSuffix("Validated 6 critical models: 2 passed, 4 failed.\n"))
        }
    }
}
