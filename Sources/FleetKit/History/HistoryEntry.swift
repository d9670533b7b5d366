/// One line of `history.jsonl`: a command that ran, how it ended and what it changed.
public struct HistoryEntry: Codable, Sendable, Equatable {
    /// When it ran (ISO 8601, UTC).
    public var time: String
    /// "backup", "rollback", "migrate next", "check", "gate", …
    public var command: String
    /// "ok", "refused", "failed", or a verdict ("ready", "not-ready", "undecided").
    public var outcome: String
    /// Model → its measurements (report.json's `models[].metrics`), when the command knew them.
    public var metrics: [String: [String: Double]]?
    public var toolVersion: String
    public var ollamaVersion: String?
    /// What changed (or why nothing did), one sentence each.
    public var changes: [String]

    public init(
        time: String, command: String, outcome: String, metrics: [String: [String: Double]]? = nil,
        toolVersion: String, ollamaVersion: String? = nil, changes: [String]
    ) {
        self.time = time
        self.command = command
        self.outcome = outcome
        self.metrics = metrics
        self.toolVersion = toolVersion
        self.ollamaVersion = ollamaVersion
        self.changes = changes
    }

    /// Whether the entry concerns `model`: it measured it or names it in a change.
    public func mentions(_ model: String) -> Bool {
        metrics?[model] != nil || changes.contains { $0.contains(model) }
    }
}
