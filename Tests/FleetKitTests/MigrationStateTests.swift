import FleetKit
import Testing

/// The transitions of migration.json that refuse: each refusal leaves the state as it was.
@Suite struct MigrationStateTests {
    static let models = ["a", "b", "c"]

    @Test func `done is refused while the migration is paused, as watch pauses it on a degraded gated model`() throws {
        var state = MigrationState(models: Self.models)
        state.steps[0].status = .gated
        #expect(try state.gatedStep() == 0)
        try state.pause(reason: "watch round 2: a (step 1): latency_p95_s 4 is 2 times its baseline 2", at: "2026-11-25T10:00:00Z")
        #expect(throws: MigrationRefusal("the migration is paused since 2026-11-25T10:00:00Z (watch round 2: a (step 1): latency_p95_s 4 is 2 times its baseline 2); run 'readiness migrate rollback' or 'readiness migrate resume' first")) {
            try state.gatedStep()
        }
        try state.resume()
        #expect(try state.gatedStep() == 0)
    }

    @Test func `a state whose steps are not numbered 1 to N in order no longer matches the migration order`() throws {
        var state = MigrationState(models: Self.models)
        try state.check(models: Self.models)
        // Step 3 renumbered 1: 'done' would decide the gate of step 1, which never looks at c.
        state.steps[2].number = 1
        #expect(throws: MigrationRefusal.self) { try state.check(models: Self.models) }
        state.steps[2].number = 4
        #expect(throws: MigrationRefusal.self) { try state.check(models: Self.models) }
    }

    @Test(arguments: [("success_rate", -0.5), ("quality", 1.5), ("latency_p95_s", Double.infinity), ("latency_avg_s", -1), ("tokens_per_s", Double.nan)])
    func `a baseline figure no measurement gives is refused, so an edited file cannot hide a degradation`(_ metric: String, _ value: Double) throws {
        var state = MigrationState(models: Self.models)
        state.steps[0].baseline = ["a": [metric: value]]
        #expect(throws: MigrationRefusal.self) { try state.check(models: Self.models) }
        state.steps[0].baseline = ["a": ["success_rate": 1, "quality": 0.9, "latency_p95_s": 0.4]]
        try state.check(models: Self.models)
    }
}
