import ReadinessKit
/// Why a migration command did not change the state, as a sentence naming what to do instead.
package struct MigrationRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    package var description: String

    package init(_ description: String) {
        self.description = description
    }

    /// No migration.json where one is needed: the migration has not begun here, or this job lacks its state.
    /// - Parameter file: migration.json as the user should see it.
    package static func noState(_ file: String) -> MigrationRefusal {
        MigrationRefusal("no migration state at \(file): if the migration has not begun, 'readiness migrate next --step 1' begins it; if it has, give this job the state folder of the job that ran the last step (--state DIR or READINESS_STATE_DIR)")
    }
}

extension MigrationState {
    /// The step `next` would gate: the first one not migrated.
    /// - Parameter requested: A step number the user asked for, which must be that step.
    /// - Throws: `MigrationRefusal` while paused, while a step is gated, when every step is migrated, or when
    ///   `requested` is out of order.
    package func nextStep(requested: Int? = nil) throws -> Int {
        if let paused {
            throw MigrationRefusal("the migration is paused since \(paused.since) (\(paused.reason)); run 'readiness migrate resume' to continue")
        }
        if let gated = steps.firstIndex(where: { $0.status == .gated }) {
            let step = steps[gated]
            throw MigrationRefusal("step \(step.number) (\(step.model)) is gated and not done: migrate it, run 'readiness check', then 'readiness migrate done' (or 'readiness migrate rollback')")
        }
        guard let index = steps.firstIndex(where: { $0.status != .migrated }) else {
            throw MigrationRefusal("every step is migrated: the migration is complete")
        }
        if let requested, requested != steps[index].number {
            throw MigrationRefusal("step \(requested) is out of order: step \(steps[index].number) (\(steps[index].model)) comes first")
        }
        return index
    }

    /// The gated step `done` would complete.
    /// - Throws: `MigrationRefusal` while paused (`watch` pauses on a degraded model, often the gated one, which
    ///   `done` must not then mark migrated) or when no step is gated (`next` first).
    package func gatedStep() throws -> Int {
        if let paused {
            throw MigrationRefusal("the migration is paused since \(paused.since) (\(paused.reason)); run 'readiness migrate rollback' or 'readiness migrate resume' first")
        }
        guard let index = steps.firstIndex(where: { $0.status == .gated }) else {
            throw MigrationRefusal("no step is gated: run 'readiness migrate next' before 'done'")
        }
        return index
    }

    /// The step `rollback` would restore: `requested`, else the gated step, else the last migrated one.
    /// - Throws: `MigrationRefusal` when there is none, when a later step is still migrated or gated (roll that
    ///   back first), or when the step has no backup.
    package func stepToRollBack(requested: Int? = nil) throws -> Int {
        let index: Int
        if let requested {
            guard let found = steps.firstIndex(where: { $0.number == requested }) else {
                throw MigrationRefusal("there is no step \(requested): the migration has steps 1 to \(steps.count)")
            }
            index = found
        } else {
            guard let found = steps.lastIndex(where: { $0.status == .gated || $0.status == .migrated }) else {
                throw MigrationRefusal("no step is gated or migrated, so there is nothing to roll back")
            }
            index = found
        }
        if let later = steps[(index + 1)...].first(where: { $0.status == .gated || $0.status == .migrated }) {
            throw MigrationRefusal("step \(steps[index].number) is out of order: step \(later.number) (\(later.model)) is \(later.status.rawValue); roll it back first")
        }
        guard steps[index].backup != nil else {
            throw MigrationRefusal("step \(steps[index].number) (\(steps[index].model)) has no backup to roll back from: 'readiness migrate next' takes one")
        }
        return index
    }

    /// Pauses the migration.
    /// - Throws: `MigrationRefusal` when it is paused already.
    package mutating func pause(reason: String, at time: String) throws {
        if let paused { throw MigrationRefusal("the migration is already paused since \(paused.since) (\(paused.reason))") }
        paused = Pause(since: time, reason: reason)
    }

    /// Resumes a paused migration.
    /// - Throws: `MigrationRefusal` when it is not paused.
    package mutating func resume() throws {
        guard paused != nil else { throw MigrationRefusal("the migration is not paused") }
        paused = nil
    }

    /// Checks that the state still describes `models`, the migration order of readiness.json, as steps 1 to N.
    /// - Throws: `MigrationRefusal` when the order changed since the migration started, or the steps are not
    ///   numbered 1 to N in order (an edited file: `done` and the step gate go by the number).
    package func check(models: [String]) throws {
        guard steps.map(\.model) == models else {
            throw MigrationRefusal("the migration order of readiness.json (\(models.joined(separator: ", "))) differs from the one this migration started with (\(steps.map(\.model).joined(separator: ", "))); restore it, or move .readiness/migration.json aside to start over")
        }
        guard steps.map(\.number) == steps.indices.map({ $0 + 1 }) else {
            throw MigrationRefusal("the steps of .readiness/migration.json are numbered \(steps.map { "\($0.number)" }.joined(separator: ", ")) instead of 1 to \(steps.count) in migration order; restore the numbers, or move .readiness/migration.json aside to start over")
        }
        for step in steps {
            for (model, figures) in (step.baseline ?? [:]).sorted(by: { $0.key < $1.key }) {
                for (metric, value) in figures.sorted(by: { $0.key < $1.key }) where !Self.isMeasurable(metric, value) {
                    throw MigrationRefusal("step \(step.number)'s baseline of \(model) holds \(metric) \(value), which no measurement gives (an edited file would let a degradation pass); restore .readiness/migration.json, or move it aside to start over")
                }
            }
        }
    }

    /// Whether a baseline figure could have been measured: finite, not negative, and a fraction at most 1.
    private static func isMeasurable(_ metric: String, _ value: Double) -> Bool {
        let fractions = [CriterionResult.Metric.successRate, CriterionResult.Metric.quality]
        return value.isFinite && value >= 0 && (!fractions.contains(metric) || value <= 1)
    }
}
