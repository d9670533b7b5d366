/// "did you mean 'check'?" for a mistyped command, action or option: the closest known name, when it is close.
enum Suggestion {
    /// "; did you mean 'NAME'?" for the candidate nearest to `typed`, or "" when none is near enough: at most
    /// two edits, and fewer than half the typed word's letters.
    static func didYouMean(_ typed: String, among candidates: [String]) -> String {
        let scored = candidates.map { (name: $0, distance: editDistance(typed.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance <= 2, best.distance * 2 < typed.trimmingDashes.count
        else { return "" }
        return "; did you mean '\(best.name)'?"
    }

    /// The Levenshtein distance: insertions, deletions and substitutions turning `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}

private extension String {
    var trimmingDashes: Substring { drop { $0 == "-" } }
}
