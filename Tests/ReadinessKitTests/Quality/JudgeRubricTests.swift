import Testing
@testable import ReadinessKit

@Suite struct JudgeRubricTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var reply: String
        /// The grade in 0...1, or `nil` when the reply breaks the grammar.
        var grade: Double?
        var testDescription: String { reply.debugDescription }
    }

    static let cases: [Case] = [
        Case(reply: "Score: 8/10", grade: 0.8),
        Case(reply: "score:8/10", grade: 0.8),
        Case(reply: "SCORE :  10 / 10", grade: 1),
        Case(reply: "Score: 0/10", grade: 0),
        Case(reply: "  Score: 7/10  \n\n", grade: 0.7),
        Case(reply: "3/4 of the points are covered, 2 of 3 topics.\nScore: 8/10", grade: 0.8),
        Case(reply: "Score: 2/10 at first glance\nOn reflection:\nScore: 6/10", grade: 0.6),
        // Anything else is unreadable: never a guess, never a 0.
        Case(reply: "", grade: nil),
        Case(reply: "junk", grade: nil),
        Case(reply: "8/10", grade: nil),
        Case(reply: "Score: 0.8", grade: nil),
        Case(reply: "Score: 7.5/10", grade: nil),
        Case(reply: "Score: 11/10", grade: nil),
        Case(reply: "Score: -1/10", grade: nil),
        Case(reply: "Score: 8/100", grade: nil),
        Case(reply: "Score: 8/10 because it is thorough.", grade: nil),
        Case(reply: "**Score: 8/10**", grade: nil),
        Case(reply: "Rating: 8/10", grade: nil),
        Case(reply: "Score: 8/10\nI hope this helps.", grade: nil),
        Case(reply: "Score: ８/10", grade: nil),
        Case(reply: "Score: 008/10", grade: nil),
    ]

    @Test(arguments: cases)
    func `a judge reply grades only when its last non-empty line is Score N of 10`(_ row: Case) {
        #expect(JudgeRubric.parseScore(row.reply) == row.grade)
    }

    @Test func `an unreadable reply is described with the judge model and the reply quoted, capped at 200 characters`() {
        let reply = "I cannot grade this.\n" + String(repeating: "x", count: 300)
        let message = JudgeRubric.unreadable(reply, judge: "llama3.2")
        #expect(message.hasPrefix(#"the judge model 'llama3.2' did not end its reply with a line 'Score: N/10' (N from 0 to 10): it replied "I cannot grade this."#))
        #expect(message.hasSuffix("x…\""))
        let quoted = message.drop { $0 != "\"" }.dropFirst().dropLast()
        #expect(quoted.count == 200)
    }

    @Test func `the rubric prompt carries the question, answer and topics and asks for one line`() {
        let prompt = JudgeRubric.prompt(question: "How large should my emergency fund be?", answer: "Six months.", expect: ["months", "expenses"])
        #expect(prompt.contains("Question:\nHow large should my emergency fund be?"))
        #expect(prompt.contains("Answer:\nSix months."))
        #expect(prompt.contains("it addresses these topics: months, expenses."))
        #expect(prompt.hasSuffix("in the form \"Score: N/10\", where N is a whole number from 0 (useless) to 10 (excellent)."))
    }
}
