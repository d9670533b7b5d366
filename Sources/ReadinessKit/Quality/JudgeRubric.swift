/// The prompt that asks a judge model to grade an answer, and the reading of its grade.
///
/// It never talks to Ollama: the caller sends `prompt(…)` to the judge model and passes the reply to `parseScore`.
public enum JudgeRubric {
    /// A rubric prompt asking for a grade from 0 to 10 on one line, "Score: N/10".
    /// - Parameters:
    ///   - question: The test prompt the answer replies to.
    ///   - answer: The answer to grade.
    ///   - expect: The keywords a good answer covers.
    public static func prompt(question: String, answer: String, expect: [String]) -> String {
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

    /// Reads a judge's grade as a number in 0...1, or `nil` when the reply holds no unambiguous grade.
    ///
    /// Accepts "Score: 0.8", "8/10", "**7** out of 10", "85%", and a lone number ("0.75" as is, "7" out of 10,
    /// "85" out of 100). A ratio wins over a labeled number, which wins over a percentage; several unlabeled
    /// numbers, or a grade outside its scale, give `nil`.
    public static func parseScore(_ reply: String) -> Double? {
        let text = reply.lowercased().filter { !"*_`#".contains($0) }
        let numbers = scanNumbers(text)
        if let ratio = numbers.lazy.compactMap({ ratio($0, in: text, numbers: numbers) }).first {
            return bounded(ratio)
        }
        if let labeled = numbers.first(where: { isLabeled($0, in: text) }) {
            return scaled(labeled.value, percent: followsPercent(labeled, in: text))
        }
        if let percent = numbers.first(where: { followsPercent($0, in: text) }) {
            return scaled(percent.value, percent: true)
        }
        return numbers.count == 1 ? scaled(numbers[0].value, percent: false) : nil
    }

    private struct Number {
        var value: Double
        var range: Range<String.Index>
    }

    private static func scanNumbers(_ text: String) -> [Number] {
        var numbers: [Number] = []
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index].isASCII, text[index].isNumber else { index = text.index(after: index); continue }
            var end = index
            while end < text.endIndex, text[end].isASCII, text[end].isNumber || text[end] == "." { end = text.index(after: end) }
            var literal = String(text[index..<end])
            while literal.hasSuffix(".") { literal.removeLast() }
            if let value = Double(literal) {
                numbers.append(Number(value: value, range: index..<text.index(index, offsetBy: literal.count)))
            }
            index = end
        }
        return numbers
    }

    /// "8/10" or "7 out of 10": the number followed by a denominator.
    private static func ratio(_ number: Number, in text: String, numbers: [Number]) -> Double? {
        let rest = text[number.range.upperBound...].drop { $0 == " " }
        let afterSeparator: Substring
        if rest.hasPrefix("/") {
            afterSeparator = rest.dropFirst()
        } else if rest.hasPrefix("out of") {
            afterSeparator = rest.dropFirst("out of".count)
        } else {
            return nil
        }
        let start = afterSeparator.drop { $0 == " " }.startIndex
        guard let denominator = numbers.first(where: { $0.range.lowerBound == start }), denominator.value > 0 else { return nil }
        return number.value / denominator.value
    }

    /// A number right after "score" or "rating" (with ":", "=", "is" or "of" between).
    private static func isLabeled(_ number: Number, in text: String) -> Bool {
        var before = String(text[..<number.range.lowerBound]).trimmingTrailing(" :=")
        for connector in [" is", " of"] where before.hasSuffix(connector) {
            before = String(before.dropLast(connector.count)).trimmingTrailing(" :=")
        }
        return before.hasSuffix("score") || before.hasSuffix("rating") || before.hasSuffix("grade")
    }

    private static func followsPercent(_ number: Number, in text: String) -> Bool {
        text[number.range.upperBound...].drop { $0 == " " }.hasPrefix("%")
    }

    /// A grade on a 0...1, 0...10 or 0...100 scale, told apart by its size.
    private static func scaled(_ value: Double, percent: Bool) -> Double? {
        if percent { return bounded(value / 100) }
        if value <= 1 { return value }
        if value <= 10 { return value / 10 }
        return bounded(value / 100)
    }

    private static func bounded(_ value: Double) -> Double? {
        (0...1).contains(value) ? value : nil
    }
}

private extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var result = self
        while let last = result.last, characters.contains(last) { result.removeLast() }
        return result
    }
}
