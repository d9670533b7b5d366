import Testing
@testable import ReadinessKit

@Suite struct JudgeRubricTests {
    @Test(arguments: [
        ("Score: 0.8", 0.8),
        ("8/10", 0.8),
        ("0.75", 0.75),
        ("**7** out of 10", 0.7),
        ("Score: 7.5/10 because it is thorough.", 0.75),
        ("Score is 80 out of 100", 0.8),
        ("85%", 0.85),
        ("I'd rate it 9.", 0.9),
        ("Rating: 6", 0.6),
        ("score: 3, since 2 of the topics are missing", 0.3),
        ("Score: 0", 0),
    ] as [(String, Double)])
    func `judge replies parse to a grade between 0 and 1`(reply: String, expected: Double) throws {
        let score = try #require(JudgeRubric.parseScore(reply))
        #expect(abs(score - expected) < 1e-9)
    }

    @Test(arguments: ["junk", "", "Score: 12/10", "1. relevant 2. clear", "Score: 150", "Score: n/a", "10/0"])
    func `replies without an unambiguous grade give nil`(reply: String) {
        #expect(JudgeRubric.parseScore(reply) == nil)
    }

    @Test func `the rubric prompt carries the question, answer and topics and asks for one line`() {
        let prompt = JudgeRubric.prompt(question: "How large should my emergency fund be?", answer: "Six months.", expect: ["months", "expenses"])
        #expect(prompt.contains("Question:\nHow large should my emergency fund be?"))
        #expect(prompt.contains("Answer:\nSix months."))
        #expect(prompt.contains("it addresses these topics: months, expenses."))
        #expect(prompt.hasSuffix("in the form \"Score: N/10\", where N is a whole number from 0 (useless) to 10 (excellent)."))
    }
}
