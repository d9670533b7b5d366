import Testing
@testable import ReadinessKit

@Suite struct QualityScorerTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var name: String
        var prompt: String
        var expect: [String]
        var answer: String
        var total: Double
        /// Component scores by name, for the components this sample is about.
        var components: [String: Double]
        var testDescription: String { name }
    }

    static let fund = "How large should my emergency fund be?"
    static let fundKeywords = ["emergency fund", "months", "expenses"]

    static let samples: [Sample] = [
        Sample(name: "a complete answer", prompt: fund, expect: fundKeywords,
               answer: "Keep an emergency fund of three to six months of essential expenses in a savings account.",
               total: 1, components: ["keywords": 1, "noRefusal": 1, "length": 1, "nonEmpty": 1, "noEcho": 1]),
        Sample(name: "two of three keywords", prompt: fund, expect: fundKeywords,
               answer: "Save enough to cover several months of expenses.",
               total: 0.5 * 2 / 3 + 0.5, components: ["keywords": 2.0 / 3]),
        Sample(name: "a refusal", prompt: fund, expect: fundKeywords,
               answer: "As an AI, I cannot give financial advice about an emergency fund.",
               total: 0.5 / 3 + 0.3, components: ["keywords": 1.0 / 3, "noRefusal": 0]),
        Sample(name: "an error message", prompt: fund, expect: fundKeywords,
               answer: "error: model 'x' not found, try pulling it first",
               total: 0.3, components: ["keywords": 0, "noRefusal": 0, "noEcho": 1]),
        Sample(name: "an echo of the prompt", prompt: "Should I pay off debt or invest first?", expect: ["debt", "interest", "invest"],
               answer: "Should I pay off debt or invest first?",
               total: 0.5 * 2 / 3 + 0.4, components: ["noEcho": 0]),
        Sample(name: "an empty answer", prompt: fund, expect: fundKeywords, answer: "  \n ",
               total: 0, components: ["keywords": 0, "noRefusal": 0, "length": 0, "nonEmpty": 0, "noEcho": 0]),
        Sample(name: "a one-word answer", prompt: "In one line, what is the next step after a failed deployment?", expect: ["rollback", "logs"],
               answer: "Rollback.",
               total: 0.25 + 0.2 + 0.1 / 3 + 0.1 + 0.1, components: ["keywords": 0.5, "length": 1.0 / 3]),
        Sample(name: "plurals, hyphens and joined words match", prompt: "Compare options.", expect: ["trade-off", "neighborhood", "down payment"],
               answer: "The tradeoffs: Louisville neighborhoods differ; save a down-payment first.",
               total: 1, components: ["keywords": 1]),
        Sample(name: "keywords match whole words only", prompt: "Check the plan.", expect: ["risk"],
               answer: "This is brisk and risky work.",
               total: 0.5, components: ["keywords": 0]),
        Sample(name: "no expected keywords", prompt: "Say something.", expect: [],
               answer: "Here is a useful thought for today.",
               total: 1, components: ["keywords": 1]),
    ]

    @Test(arguments: samples)
    func `sample answers get their exact scores`(_ sample: Sample) {
        let score = QualityScorer().score(answer: sample.answer, prompt: sample.prompt, expect: sample.expect)
        #expect(abs(score.total - sample.total) < 1e-9, "total \(score.total)")
        for (name, expected) in sample.components {
            let component = score.component(name)
            #expect(component.map { abs($0.score - expected) < 1e-9 } == true, "\(name): \(String(describing: component))")
        }
        #expect(abs(score.components.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
    }

    @Test func `a full score is exactly 1, not 1 minus floating-point noise`() {
        let score = QualityScorer().score(
            answer: "A good emergency fund covers three to six months of essential expenses such as rent and food.",
            prompt: "How large should my emergency fund be?", expect: ["emergency fund", "months", "expenses"]
        )
        #expect(score.total == 1)
        // 0.1 + 0.2 is 0.30000000000000004 in floating point.
        #expect(QualityScore(components: [.init(name: "a", weight: 0.1, score: 1, detail: ""), .init(name: "b", weight: 0.2, score: 1, detail: "")]).total == 0.3)
    }

    @Test func `components explain what was found`() {
        let score = QualityScorer().score(answer: "Save enough to cover several months of expenses.", prompt: Self.fund, expect: Self.fundKeywords)
        #expect(score.component("keywords")?.detail == "2 of 3 keywords; missing 'emergency fund'")
        #expect(score.component("length")?.detail == "8 words (expected 3...600)")
        #expect(score.component("noEcho")?.detail == "0% of the answer's words come from the prompt")
    }

    @Test func `length bounds are configurable`() {
        var scorer = QualityScorer()
        scorer.maximumWords = 4
        let score = scorer.score(answer: "one two three four five six seven eight", prompt: "p", expect: [])
        #expect(score.component("length")?.score == 0.5)
    }

    @Test func `a judge grade blends in with its weight`() {
        let heuristic = QualityScorer().score(answer: "Keep an emergency fund of six months of expenses.", prompt: Self.fund, expect: Self.fundKeywords)
        let blended = heuristic.blended(withJudge: 0.5, weight: 0.5)
        #expect(abs(blended.total - 0.75) < 1e-9)
        #expect(blended.component("judge")?.weight == 0.5)
        #expect(abs(blended.components.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
    }

    @Test func `a model's quality is the mean of its answers and zero without answers`() {
        let scorer = QualityScorer()
        let scores = [scorer.score(answer: "", prompt: "p", expect: ["k"]), scorer.score(answer: "k is here today", prompt: "p", expect: ["k"])]
        #expect(abs(QualityScore.average(scores) - 0.5) < 1e-9)
        #expect(QualityScore.average([]) == 0)
    }

    @Test func `the keywords an answer mentions are matched as the keyword component matches them`() {
        let answer = "Weigh the trade-offs, then make the DECISION."
        #expect(QualityScorer.keywordsFound(in: answer, expect: ["option", "tradeoff", "decision", "budget"]) == ["tradeoff", "decision"])
        #expect(QualityScorer.keywordsFound(in: "", expect: ["option"]).isEmpty)
    }
}
