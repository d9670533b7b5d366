/// Why a text is not strict JSON: where, what, and how to fix it.
package struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    package let position: SourcePosition
    /// What is wrong, e.g. "duplicate key 'critical' in models[0] (first at line 10, column 5)".
    package let problem: String
    /// What to do, e.g. "remove one of them".
    package let fix: String

    package init(at position: SourcePosition, _ problem: String, fix: String) {
        self.position = position
        self.problem = problem
        self.fix = fix
    }

    /// "line 12, column 5: duplicate key 'critical' in models[0] (first at line 10, column 5); remove one of them".
    package var description: String { "\(position): \(problem); \(fix)" }
}
