/// A version such as Ollama's `/api/version` answer ("0.5.7", "v0.6.0-rc1"), ordered by Semantic Versioning.
package struct SemanticVersion: Sendable, Comparable, CustomStringConvertible {
    /// Major, minor and patch; missing parts are 0 ("0.5" is 0.5.0).
    package let core: [Int]
    /// The pre-release identifiers after "-", e.g. ["rc1"]; a pre-release sorts before its release.
    package let preRelease: [String]
    package let description: String

    /// Parses "1", "1.2", "1.2.3", with an optional leading "v", "-prerelease" and "+build" (ignored).
    /// Returns `nil` for anything else.
    package init?(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        description = String(rest)
        if rest.hasPrefix("v") || rest.hasPrefix("V") { rest = rest.dropFirst() }
        if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
        var preRelease: [String] = []
        if let dash = rest.firstIndex(of: "-") {
            preRelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard preRelease.allSatisfy({ !$0.isEmpty }) else { return nil }
            rest = rest[..<dash]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, numbers.allSatisfy({ $0 >= 0 }) else { return nil }
        core = numbers + Array(repeating: 0, count: 3 - numbers.count)
        self.preRelease = preRelease
    }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.core == rhs.core && lhs.preRelease == rhs.preRelease
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.core != rhs.core { return lhs.core.lexicographicallyPrecedes(rhs.core) }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, _): return false
        case (false, true): return true
        case (false, false):
            for (left, right) in zip(lhs.preRelease, rhs.preRelease) where left != right {
                return identifierPrecedes(left, right)
            }
            return lhs.preRelease.count < rhs.preRelease.count
        }
    }

    /// Semver's rule: numeric identifiers compare as numbers and sort before alphanumeric ones.
    private static func identifierPrecedes(_ left: String, _ right: String) -> Bool {
        switch (Int(left), Int(right)) {
        case let (l?, r?): l < r
        case (_?, nil): true
        case (nil, _?): false
        case (nil, nil): left < right
        }
    }
}
