/// The prompt that asks a judge model to grade an answer, and the reading of its grade.
///
/// It never talks to Ollama: the caller sends `prompt(…)` to the judge model and passes the reply to `parseScore`.
package enum JudgeRubric {
    /// A rubric prompt asking for a grade from 0 to 10 on one line, "Score: N/10".
    /// - Parameters:
    ///   - question: The test prompt the answer replies to.
    ///   - answer: The answer to grade.
    ///   - expect: The keywords a good answer covers.
    package static func prompt(question: String, answer: String, expect: [String]) -> String {
        """
        You are grading an AI assistant's answer. Judge it on these criteria:
        1. Relevance: it answers the question that was asked.
        2. Coverage: it addresses these topics: \(expect.joined(separator: ", ")).
        3. Correctness and usefulness: it is accurate, specific and actionable.
        4. Clarity: it is well organized and neither evasive nor padded.

        Question:
        \(question)

        Answer:
        \(answer)

        Reply with one line and nothing else, in the form "Score: N/10", where N is a whole number from 0 (useless) to 10 (excellent).
        """
    }

    /// Reads a judge's grade by a strict grammar: the reply's last non-empty line must be `Score: N/10`, N a whole
    /// number from 0 to 10, spaces allowed around ':' and '/', "score" in any case. Whatever comes before is the
    /// judge's reasoning and is not read ("3/4 of the points … Score: 8/10" grades 8).
    /// - Returns: The grade in 0...1, or `nil` when the reply does not end with such a line: a reply nobody can read
    ///   is an evidence problem, never a low grade (a guess could pass or fail a model on noise).
    package static func parseScore(_ reply: String) -> Double? {
        guard let last = reply.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        var rest = Substring(last.trimmingCharacters(in: .whitespaces))
        guard rest.lowercased().hasPrefix("score") else { return nil }
        rest = rest.dropFirst(5).drop { $0 == " " }
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        guard rest.first == "/" else { return nil }
        guard rest.dropFirst().drop(while: { $0 == " " }) == "10",
              digits.count <= 2, let grade = Int(digits), (0...10).contains(grade) else { return nil }
        return Double(grade) / 10
    }

    /// Why a judge reply is unusable, for the quality criterion's message: the model and the reply, quoted and capped.
    package static func unreadable(_ reply: String, judge: String) -> String {
        "the judge model '\(judge)' did not end its reply with a line 'Score: N/10' (N from 0 to 10): it replied \"\(UntrustedText.excerpt(UntrustedText.singleLine(reply), limit: 200))\""
    }
}
