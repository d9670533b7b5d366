/// One part of a sharded check, the K-th of N: `readiness check --shard K/N` checks the (model, host) pairs
/// whose position in `CheckPlan.pairs` is K − 1 modulo N.
package struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// K, from 1.
    package let index: Int
    /// N, at least 1.
    package let count: Int

    /// The largest N accepted: a CI matrix wider than this is a typo.
    package static let maximumCount = 1000

    /// The environment variable that tells the readiness suites which shard they run, e.g. "2/3".
    package static let variable = "READINESS_SHARD"

    package init?(index: Int, count: Int) {
        guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// "K/N" with 1 ≤ K ≤ N ≤ 1000, digits only; `nil` for anything else.
    package init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// "K/N".
    package var description: String { "\(index)/\(count)" }

    /// Whether this shard runs the criteria that are checked once for the whole fleet (backup and migration
    /// scripts, documentation, disk space): the first one does.
    package var runsFleetCriteria: Bool { index == 1 }
}
