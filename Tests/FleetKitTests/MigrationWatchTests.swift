import FleetKit
import Foundation
import ReadinessKit
import Testing

/// What `readiness watch` watches and how it judges a round against a step's baseline.
@Suite struct MigrationWatchTests {
    typealias Metric = CriterionResult.Metric
    static let tolerances = ReadinessConfig.Watch.Tolerances()
    static let baseline: [String: Double] = [Metric.successRate: 1, Metric.quality: 0.9, Metric.latencyAverage: 2, Metric.latencyP95: 3]

    static func step(_ status: MigrationState.Status = .migrated) -> MigrationState.Step {
        var step = MigrationState.Step(number: 2, model: "louisville_expert_v3")
        step.status = status
        step.baseline = ["louisville_expert_v3": baseline]
        return step
    }

    @Test func `migrated steps and the gated one are watched; pending and rolled-back ones are not`() {
        var state = MigrationState(models: ["a", "b", "c", "d", "e"])
        state.steps[0].status = .migrated
        state.steps[1].status = .rolledBack
        state.steps[2].status = .migrated
        state.steps[3].status = .gated
        #expect(MigrationWatch.watchedSteps(state).map(\.model) == ["a", "c", "d"])
        #expect(MigrationWatch.watchedSteps(MigrationState(models: ["a"])).isEmpty)
    }

    @Test func `a baseline needs at least one compared metric of the step's own model`() {
        #expect(MigrationWatch.baseline(of: Self.step()) == Self.baseline)
        var other = Self.step()
        other.baseline = ["someone_else": Self.baseline]
        #expect(MigrationWatch.baseline(of: other) == nil)
        other.baseline = ["louisville_expert_v3": [Metric.tokensPerSecond: 10]]
        #expect(MigrationWatch.baseline(of: other) == nil)
        other.baseline = nil
        #expect(MigrationWatch.baseline(of: other) == nil)
    }

    @Test func `within tolerance is ok; each figure beyond it is a degradation, in the order they are checked`() {
        let within = MigrationWatch.compare(
            step: Self.step(), observed: [Metric.successRate: 0.9, Metric.quality: 0.8, Metric.latencyAverage: 3, Metric.latencyP95: 4.5],
            baseline: Self.baseline, tolerances: Self.tolerances)
        #expect(within.degradations.isEmpty, "limits are inclusive: \(within.figures)")
        #expect(within.figures.map(\.limit) == [0.9, 0.8, 4.5, 3])

        let beyond = MigrationWatch.compare(
            step: Self.step(.gated), observed: [Metric.successRate: 0.5, Metric.quality: 0.7, Metric.latencyAverage: 3.1, Metric.latencyP95: 6],
            baseline: Self.baseline, tolerances: Self.tolerances)
        #expect(beyond.degradations.map(\.metric) == [Metric.successRate, Metric.quality, Metric.latencyP95, Metric.latencyAverage])
        #expect(beyond.status == "gated" && beyond.step == 2)
        #expect(MigrationWatch.sentence(beyond.degradations[2], of: beyond, tolerances: Self.tolerances)
            == "louisville_expert_v3 (step 2): latency_p95_s 6 s is 2 times its baseline 3 s (tolerance 1.5 times and 0.25 s, at most 4.5 s)")
        #expect(MigrationWatch.sentence(beyond.degradations[0], of: beyond, tolerances: Self.tolerances)
            == "louisville_expert_v3 (step 2): success_rate 0.5 is 0.5 below its baseline 1 (tolerance 0.1, at least 0.9)")
    }

    @Test func `a fast model's latency must also grow by the margin`() {
        let fast: [String: Double] = [Metric.latencyAverage: 0.1, Metric.latencyP95: 0.1]
        let noisy = MigrationWatch.compare(step: Self.step(), observed: [Metric.latencyAverage: 0.3, Metric.latencyP95: 0.34], baseline: fast, tolerances: Self.tolerances)
        #expect(noisy.degradations.isEmpty, "three times 0.1 s is within 0.25 s of it")
        var strict = Self.tolerances
        strict.latencyMarginSeconds = 0
        let judged = MigrationWatch.compare(step: Self.step(), observed: [Metric.latencyAverage: 0.3, Metric.latencyP95: 0.34], baseline: fast, tolerances: strict)
        #expect(judged.degradations.map(\.metric) == [Metric.latencyP95, Metric.latencyAverage])
    }

    @Test func `a figure the round could not measure is a degradation; one the baseline lacks is not compared`() {
        let round = MigrationWatch.compare(
            step: Self.step(), observed: [Metric.successRate: 0, Metric.quality: 0],
            baseline: [Metric.successRate: 1, Metric.quality: 0.9, Metric.latencyP95: 3], tolerances: Self.tolerances)
        #expect(round.figures.map(\.metric) == [Metric.successRate, Metric.quality, Metric.latencyP95])
        #expect(round.degradations.count == 3)
        #expect(MigrationWatch.sentence(round.degradations[2], of: round, tolerances: Self.tolerances)
            == "louisville_expert_v3 (step 2): no latency_p95_s measured (no query succeeded) against its baseline 3")
    }

    @Test func `a round is a table of now and baseline per model`() {
        let round = MigrationWatch.compare(
            step: Self.step(), observed: [Metric.successRate: 1, Metric.quality: 0.9, Metric.latencyAverage: 2.5, Metric.latencyP95: 6],
            baseline: Self.baseline, tolerances: Self.tolerances)
        #expect(MigrationWatch.table([round]) == [
            "STEP  MODEL                 STATUS    SUCCESS  QUALITY    AVG S    P95 S  RESULT",
            "2     louisville_expert_v3  migrated  1 (1)    0.9 (0.9)  2.5 (2)  6 (3)  DEGRADED: latency_p95_s",
        ])
    }

    @Test func `the history table shows each change's before and after per model`() {
        let before: [String: Double] = [Metric.successRate: 1, Metric.quality: 0.9, Metric.latencyAverage: 2, Metric.latencyP95: 3]
        let after: [String: Double] = [Metric.successRate: 1, Metric.quality: 0.95, Metric.latencyAverage: 4, Metric.latencyP95: 3]
        let entries = [
            HistoryEntry(time: "T1", command: "check", outcome: "ready", metrics: ["a": after], toolVersion: "0", changes: []),
            HistoryEntry(time: "T2", command: "migrate done", outcome: "ok", metrics: ["a": after, "b": after], baseline: ["a": before], toolVersion: "0", changes: []),
            HistoryEntry(time: "T3", command: "watch", outcome: "degraded", metrics: ["a": after, "b": [:]], baseline: ["a": before, "b": before], toolVersion: "0", changes: []),
        ]
        #expect(MetricsText.changeTable(entries) == [
            "TIME  CHANGE           MODEL  SUCCESS   QUALITY     AVG S          P95 S",
            "T2    migrate done ok  a      1 → 1     0.9 → 0.95  2 → 4 (+100%)  3 → 3 (0%)",
            "T3    watch degraded   a      1 → 1     0.9 → 0.95  2 → 4 (+100%)  3 → 3 (0%)",
            "T3    watch degraded   b      1 → none  0.9 → none  2 → none       3 → none",
        ])
        #expect(MetricsText.changeTable(entries, models: ["b"]).count == 2)
        #expect(MetricsText.changeTable(Array(entries.prefix(1))).isEmpty)
    }
}
