import Foundation

/// `migration.json`: the conservative migration as one step per model in migration order, and whether it is
/// paused. Transitions live in `MigrationState+Transitions.swift`; each refusal leaves the state unchanged.
package struct MigrationState: Codable, Sendable, Equatable {
    package static let currentSchemaVersion = 1

    package var schemaVersion: Int
    package var steps: [Step]
    /// Set while the migration is paused.
    package var paused: Pause?

    /// One model of the migration order.
    package struct Step: Codable, Sendable, Equatable {
        /// 1 for the first model in migration order.
        package var number: Int
        package var model: String
        package var status: Status
        /// The backup folder `next` took before the step, relative to the state folder when inside it.
        package var backup: String?
        /// Model → metrics of the step's models before the step (from the report `next` gated on).
        package var baseline: [String: [String: Double]]?
        /// Model → metrics after the step (from the report `done` verified with).
        package var after: [String: [String: Double]]?
        /// When the step last changed status (ISO 8601).
        package var changedAt: String?
        /// The Ollama `next` gated the step on (redacted): `done`, `rollback` and `watch` act on that one.
        package var host: String?

        package init(number: Int, model: String) {
            self.number = number
            self.model = model
            status = .pending
        }

        /// Why acting on `host` (redacted) would judge another server than the step's baseline measured; `nil`
        /// when it is the step's own, or the step records none.
        package func hostMismatch(_ host: String) -> String? {
            guard let gatedOn = self.host, gatedOn != host else { return nil }
            return "step \(number) (\(model)) was gated on \(gatedOn), not \(host): give the same --ollama (or OLLAMA_HOST) as 'readiness migrate next' did"
        }
    }

    /// Where a step stands.
    package enum Status: String, Codable, Sendable {
        /// Not started.
        case pending
        /// Its gate passed and its backup was taken: the model may be migrated, then `done`.
        case gated
        /// Verified after the migration.
        case migrated
        /// Restored from its backup; `next` may try it again.
        case rolledBack = "rolled-back"
    }

    /// Why and since when the migration is paused.
    package struct Pause: Codable, Sendable, Equatable {
        package var since: String
        package var reason: String
    }

    /// A fresh migration of `models`, in this order.
    package init(models: [String]) {
        schemaVersion = Self.currentSchemaVersion
        steps = models.enumerated().map { Step(number: $0.offset + 1, model: $0.element) }
    }
}
