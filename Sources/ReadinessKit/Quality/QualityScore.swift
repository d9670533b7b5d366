/// A quality score in 0...1 with the components it was made of, so reports can say why an answer scored low.
package struct QualityScore: Sendable, Equatable {
    /// One weighted part of the score.
    package struct Component: Sendable, Equatable {
        /// Stable key, e.g. "keywords" (see `QualityScorer.Weights`).
        package var name: String
        /// Share of the total, 0...1; the weights of a score sum to 1.
        package var weight: Double
        /// This component's own score, 0...1.
        package var score: Double
        /// What was found, e.g. "2 of 3 keywords: missing 'down payment'".
        package var detail: String

        package init(name: String, weight: Double, score: Double, detail: String) {
            self.name = name
            self.weight = weight
            self.score = score
            self.detail = detail
        }
    }

    /// The weighted sum of the components, 0...1.
    package var total: Double
    package var components: [Component]
    /// Why the score could not be established (e.g. an unreadable judge reply); a score with a problem fails the
    /// quality criterion whatever its total, so a missing grade is never read as a low or a passing one.
    package var problem: String?

    /// Builds a score as the weighted sum of `components`, rounded to 9 decimals so that floating-point noise
    /// (0.1 + 0.2 + …) cannot move a score across a threshold or print as 0.9999999999999999.
    package init(components: [Component], problem: String? = nil) {
        self.components = components
        self.problem = problem
        let sum = components.reduce(0) { $0 + $1.weight * $1.score }
        self.total = min(1, max(0, (sum * 1e9).rounded() / 1e9))
    }

    /// The component with this name, if present.
    package func component(_ name: String) -> Component? {
        components.first { $0.name == name }
    }

    /// This score blended with a judge model's: each component keeps its share scaled by `1 - weight`,
    /// and a "judge" component takes `weight`.
    /// - Parameters:
    ///   - judgeScore: The judge's grade in 0...1 (`JudgeRubric.parseScore`).
    ///   - weight: The judge's share of the total, 0...1.
    package func blended(withJudge judgeScore: Double, weight: Double) -> QualityScore {
        let weight = min(1, max(0, weight))
        let scaled = components.map { Component(name: $0.name, weight: $0.weight * (1 - weight), score: $0.score, detail: $0.detail) }
        let judge = Component(name: "judge", weight: weight, score: min(1, max(0, judgeScore)), detail: "judge model's grade")
        return QualityScore(components: scaled + [judge])
    }

    /// This score, marked as not established for `reason`.
    package func withProblem(_ reason: String) -> QualityScore {
        QualityScore(components: components, problem: reason)
    }

    /// The mean of several answers' totals (a model's quality over its prompts); 0 when there are none.
    package static func average(_ scores: [QualityScore]) -> Double {
        scores.isEmpty ? 0 : scores.reduce(0) { $0 + $1.total } / Double(scores.count)
    }
}
