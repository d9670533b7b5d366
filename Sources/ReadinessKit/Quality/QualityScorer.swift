import Foundation

/// Scores an answer in 0...1 with a deterministic heuristic: the same answer always gets the same score.
///
/// The components and their default weights:
/// - `keywords` (0.5): the share of expected keywords the answer contains, case-insensitively, as whole words,
///   allowing a plural "s"/"es" and ignoring spaces and hyphens inside a keyword ("trade-off" = "tradeoff").
/// - `noRefusal` (0.2): 1 unless the answer contains a refusal or error marker ("I cannot", "As an AI", "error:").
/// - `length` (0.1): 1 within `minimumWords...maximumWords`, else falling in proportion (5 words of 10 is 0.5).
/// - `nonEmpty` (0.1): 1 when the answer has any text.
/// - `noEcho` (0.1): 0 when at least `echoThreshold` of the answer's words are the prompt's own words.
///
/// An empty answer scores 0 on every component.
package struct QualityScorer: Sendable {
    /// How much each component counts; the weights should sum to 1.
    package struct Weights: Sendable, Equatable {
        package var keywords = 0.5
        package var noRefusal = 0.2
        package var length = 0.1
        package var nonEmpty = 0.1
        package var noEcho = 0.1

        package init() {}
    }

    package var weights = Weights()
    /// Fewer words than this lowers the length component.
    package var minimumWords = 3
    /// More words than this lowers the length component.
    package var maximumWords = 600
    /// The share of an answer's words taken from the prompt at which it counts as an echo.
    package var echoThreshold = 0.8
    /// Lowercase phrases that mark a refusal or an error message instead of an answer.
    package var refusalMarkers = [
        "i cannot", "i can't", "i can not", "i am unable", "i'm unable", "i'm sorry, but", "as an ai",
        "as a language model", "i don't have access", "error:", "exception:", "traceback (most recent call last)",
    ]

    package init() {}

    /// Scores one answer.
    /// - Parameters:
    ///   - answer: The model's reply.
    ///   - prompt: The prompt it answers (to detect an echo).
    ///   - expect: The keywords the answer should contain; none means the keyword component is 1.
    package func score(answer: String, prompt: String, expect: [String]) -> QualityScore {
        let answerWords = Self.words(answer)
        guard !answerWords.isEmpty else {
            return QualityScore(components: [
                .init(name: "keywords", weight: weights.keywords, score: 0, detail: "empty answer"),
                .init(name: "noRefusal", weight: weights.noRefusal, score: 0, detail: "empty answer"),
                .init(name: "length", weight: weights.length, score: 0, detail: "empty answer"),
                .init(name: "nonEmpty", weight: weights.nonEmpty, score: 0, detail: "empty answer"),
                .init(name: "noEcho", weight: weights.noEcho, score: 0, detail: "empty answer"),
            ])
        }
        return QualityScore(components: [
            keywords(answerWords, expect),
            refusal(answer),
            length(answer),
            .init(name: "nonEmpty", weight: weights.nonEmpty, score: 1, detail: "\(answerWords.count) words"),
            echo(answerWords, prompt),
        ])
    }

    private func keywords(_ words: [String], _ expect: [String]) -> QualityScore.Component {
        guard !expect.isEmpty else {
            return .init(name: "keywords", weight: weights.keywords, score: 1, detail: "no keywords expected")
        }
        let missing = expect.filter { !Self.contains(words, keyword: $0) }
        let found = expect.count - missing.count
        let detail = "\(found) of \(expect.count) keywords" + (missing.isEmpty ? "" : "; missing " + missing.map { "'\($0)'" }.joined(separator: ", "))
        return .init(name: "keywords", weight: weights.keywords, score: Double(found) / Double(expect.count), detail: detail)
    }

    private func refusal(_ answer: String) -> QualityScore.Component {
        let text = answer.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        let found = refusalMarkers.filter { text.contains($0) }
        return .init(
            name: "noRefusal", weight: weights.noRefusal, score: found.isEmpty ? 1 : 0,
            detail: found.isEmpty ? "no refusal or error markers" : "contains " + found.map { "'\($0)'" }.joined(separator: ", ")
        )
    }

    private func length(_ answer: String) -> QualityScore.Component {
        let count = answer.split(whereSeparator: { $0.isWhitespace }).count
        let score = count < minimumWords ? Double(count) / Double(minimumWords)
            : count > maximumWords ? Double(maximumWords) / Double(count) : 1
        return .init(name: "length", weight: weights.length, score: score, detail: "\(count) words (expected \(minimumWords)...\(maximumWords))")
    }

    private func echo(_ answerWords: [String], _ prompt: String) -> QualityScore.Component {
        var promptWords = Self.words(prompt).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        var copied = 0
        for word in answerWords where promptWords[word, default: 0] > 0 {
            promptWords[word, default: 0] -= 1
            copied += 1
        }
        let share = Double(copied) / Double(answerWords.count)
        return .init(
            name: "noEcho", weight: weights.noEcho, score: share >= echoThreshold ? 0 : 1,
            detail: "\(Int((share * 100).rounded()))% of the answer's words come from the prompt"
        )
    }

    /// The expected keywords `answer` contains, matched as the `keywords` component matches them.
    package static func keywordsFound(in answer: String, expect: [String]) -> [String] {
        let answerWords = words(answer)
        return expect.filter { contains(answerWords, keyword: $0) }
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether consecutive words, joined, spell `keyword` without its spaces and hyphens, optionally plural.
    static func contains(_ words: [String], keyword: String) -> Bool {
        let target = Self.words(keyword).joined()
        guard !target.isEmpty else { return false }
        let accepted: Set = [target, target + "s", target + "es"]
        for start in words.indices {
            var joined = ""
            for word in words[start...] {
                joined += word
                if accepted.contains(joined) { return true }
                if joined.count >= target.count + 2 { break }
            }
        }
        return false
    }
}
