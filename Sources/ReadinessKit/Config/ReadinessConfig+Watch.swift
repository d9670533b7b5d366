import Foundation

extension ReadinessConfig {
    /// How `readiness watch` probes the migrated models, and how far each may fall from its step's baseline
    /// before the migration is paused: readiness.json's optional `watch` section.
    package struct Watch: Sendable, Equatable {
        /// How many times each test prompt is sent per watch round (`watch.rounds`, 1...100).
        package var rounds = 1
        package var tolerances = Tolerances()

        package init() {}

        /// `watch.tolerances`: a model is degraded when one of its figures in a round goes beyond one of these.
        package struct Tolerances: Sendable, Equatable, Encodable {
            /// The 95th-percentile latency may grow to at most this many times the baseline's (>= 1).
            package var latencyP95Factor = 1.5
            /// The average latency may grow to at most this many times the baseline's (>= 1).
            package var latencyAverageFactor = 1.5
            /// The success rate may fall by at most this much below the baseline's (0...1, absolute).
            package var successRateDrop = 0.1
            /// The quality score may fall by at most this much below the baseline's (0...1, absolute).
            package var qualityDrop = 0.1
            /// A latency is degraded only when it also exceeds the baseline's by more than this many seconds
            /// (0...3600): a fast model's timing noise (0.1 s becoming 0.2 s) is not a degradation.
            package var latencyMarginSeconds = 0.25

            package init() {}
        }

        /// The keys of `watch` and of `watch.tolerances`, as readiness.json spells them.
        package static let keys = ["rounds", "tolerances"]
        package static let toleranceKeys = ["latencyP95Factor", "latencyAverageFactor", "latencyMarginSeconds", "successRateDrop", "qualityDrop"]
    }
}

extension ReadinessConfig.Watch {
    /// Reads readiness.json's `watch` section; `nil` (absent or null) gives the defaults.
    /// - Throws: `ConfigError` naming the key path, what is wrong and the fix.
    init(_ node: ConfigNode?) throws {
        self.init()
        guard let node, !node.isNull else { return }
        let members = try node.object(
            allowed: Self.keys,
            fix: "Write the watch section as { \"rounds\": 1, \"tolerances\": { \"latencyP95Factor\": 1.5, … } }.")
        if let child = members["rounds"], !child.isNull {
            let expected = "a whole number from 1 to 100"
            let fix = "Write how many times 'readiness watch' sends each test prompt per round, e.g. 1."
            let value = try child.integer(expected, fix: fix)
            guard (1...100).contains(value) else { throw child.mismatch(expected, fix: fix) }
            rounds = value
        }
        guard let tolerancesNode = members["tolerances"], !tolerancesNode.isNull else { return }
        let fields = try tolerancesNode.object(
            allowed: Self.toleranceKeys,
            fix: "Write the tolerances as { \"latencyP95Factor\": 1.5, \"latencyAverageFactor\": 1.5, \"latencyMarginSeconds\": 0.25, \"successRateDrop\": 0.1, \"qualityDrop\": 0.1 }.")
        // One tolerance: a number in `range`, else an error quoting `expected` and the fix.
        func read(_ key: String, _ keyPath: WritableKeyPath<Tolerances, Double>, _ range: ClosedRange<Double>, expected: String, fix: String) throws {
            guard let child = fields[key], !child.isNull else { return }
            let value = try child.number(expected, fix: fix)
            guard range.contains(value) else { throw child.mismatch(expected, fix: fix) }
            tolerances[keyPath: keyPath] = value
        }
        let growth = "a growth factor from 1 to 100", drop = "a drop from 0 to 1"
        func grows(_ what: String) -> String {
            "Write how many times its baseline a model's \(what) may become before 'readiness watch' pauses the migration, e.g. 1.5."
        }
        func falls(_ what: String) -> String {
            "Write how far below its baseline a model's \(what) may fall before 'readiness watch' pauses the migration, e.g. 0.1."
        }
        try read("latencyP95Factor", \.latencyP95Factor, 1...100, expected: growth, fix: grows("95th-percentile latency"))
        try read("latencyAverageFactor", \.latencyAverageFactor, 1...100, expected: growth, fix: grows("average latency"))
        try read("latencyMarginSeconds", \.latencyMarginSeconds, 0...3600, expected: "a number of seconds from 0 to 3600",
                 fix: "Write by how many seconds a latency must also exceed its baseline to count as degraded, e.g. 0.25.")
        try read("successRateDrop", \.successRateDrop, 0...1, expected: drop, fix: falls("success rate (a fraction)"))
        try read("qualityDrop", \.qualityDrop, 0...1, expected: drop, fix: falls("quality score (0 to 1)"))
    }
}
