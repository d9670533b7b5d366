/// Deterministic hashing for the simulator: digests that look like SHA-256 and seeds for reproducible draws.
///
/// Swift's `Hasher` is seeded per process, so it cannot give the same digest on every run; FNV-1a can.
enum StableHash {
    /// A 64-bit FNV-1a hash of `text`, started from `basis`.
    static func fnv1a(_ text: String, basis: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        text.utf8.reduce(basis) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    /// 64 hex digits derived from `text`, shaped like the SHA-256 digests Ollama shows (not a real SHA-256).
    static func digest(_ text: String) -> String {
        (0..<4).map { part in
            var generator = SeededRandom(seed: fnv1a(text, basis: 0xcbf2_9ce4_8422_2325 &+ UInt64(part)))
            let hex = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
package struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// A number in 0..<1.
    package mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }
}
