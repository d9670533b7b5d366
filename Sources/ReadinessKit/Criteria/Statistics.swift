/// Summary statistics of measured samples (latencies, scores).
package enum Statistics {
    /// The arithmetic mean, or `nil` for no samples.
    package static func mean(_ samples: [Double]) -> Double? {
        samples.isEmpty ? nil : samples.reduce(0, +) / Double(samples.count)
    }

    /// The `p`-th percentile by the nearest-rank method, or `nil` for no samples.
    ///
    /// The result is the smallest sample such that at least `p`% of the samples are less than or equal to
    /// it: the sample at rank ⌈p/100 × n⌉ (rank 1 for p = 0). It is always a measured value, never an
    /// interpolation, so a p95 of 12.3 s means a real query took 12.3 s. For 1…10, p50 is 5 and p95 is 10.
    /// - Parameters:
    ///   - p: The percentile, clamped to 0...100.
    ///   - samples: The measurements, in any order.
    package static func percentile(_ p: Double, of samples: [Double]) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        // Multiplying before dividing keeps whole percentiles exact (95 × 20 / 100 is exactly 19).
        let rank = Int((min(100, max(0, p)) * Double(sorted.count) / 100).rounded(.up))
        return sorted[max(rank, 1) - 1]
    }

    /// The smallest and largest sample, or `nil` for no samples.
    package static func range(_ samples: [Double]) -> (min: Double, max: Double)? {
        guard let low = samples.min(), let high = samples.max() else { return nil }
        return (low, high)
    }

    /// Whether at least `k` of `outcomes` are `true`: the k-of-n rule for a flaky prompt's rounds.
    /// A `k` above the count can never be met; a `k` of 0 or less always is.
    package static func atLeast(_ k: Int, of outcomes: [Bool]) -> Bool {
        outcomes.count(where: { $0 }) >= k
    }
}
