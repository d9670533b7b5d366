/// One line of `history.jsonl`: a command that ran, how it ended and what it changed.
package struct HistoryEntry: Codable, Sendable, Equatable {
    /// When it ran (ISO 8601, UTC).
    package var time: String
    /// "backup", "rollback", "migrate next", "check", "gate", "perf", "build", "watch", …
    package var command: String
    /// "ok", "refused", "failed", a verdict ("ready", "not-ready", "undecided"), or watch's "healthy",
    /// "degraded" (it paused the migration), "paused" (already paused) and "nothing-to-watch".
    package var outcome: String
    /// Model → its measurements (report.json's `models[].metrics`), when the command knew them.
    package var metrics: [String: [String: Double]]?
    /// Model → its measurements before the change, for commands that compare with a baseline (`migrate done`:
    /// the step's pre-step metrics; `watch`: each watched step's baseline). `metrics` is then the "after".
    package var baseline: [String: [String: Double]]?
    package var toolVersion: String
    package var ollamaVersion: String?
    /// What changed (or why nothing did), one sentence each.
    package var changes: [String]

    package init(
        time: String, command: String, outcome: String, metrics: [String: [String: Double]]? = nil,
        baseline: [String: [String: Double]]? = nil, toolVersion: String, ollamaVersion: String? = nil, changes: [String]
    ) {
        self.time = time
        self.command = command
        self.outcome = outcome
        self.metrics = metrics
        self.baseline = baseline
        self.toolVersion = toolVersion
        self.ollamaVersion = ollamaVersion
        self.changes = changes
    }

    /// Whether the entry concerns `model`: it measured it or names it in a change.
    package func mentions(_ model: String) -> Bool {
        metrics?[model] != nil || baseline?[model] != nil || changes.contains { $0.contains(model) }
    }
}
