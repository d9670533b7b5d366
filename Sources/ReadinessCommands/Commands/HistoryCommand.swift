import FleetKit
import Foundation
import ReadinessKit

/// `readiness history`: the entries of `.readiness/history.jsonl`, with before/after deltas per model.
struct HistoryCommand: Subcommand {
    static let spec = CommandSpec(
        name: "history",
        abstract: "Show what check, perf, gate, build, backup, rollback, migrate and watch did, with metric deltas.",
        discussion: """
            Prints .readiness/history.jsonl beside readiness.json: one line per command (time, command,
            outcome, what changed) and, for each model it measured, the change of its metrics since the
            entry before that measured it (left out when they did not change). Then a before/after table:
            for each change that recorded a baseline ('migrate done': the step's model before and after its
            step; 'watch': each watched model against its step's baseline), success rate, quality and
            average and p95 latency, before → after. A truncated last line (an interrupted write) is skipped
            and named.
            """,
        arguments: [CommonOptions.config, CommonOptions.state, modelOption, sinceOption],
        examples: [
            .init("readiness history", "Every build, check, gate, migration step and rollback of the fleet, oldest first."),
            .init("readiness history --model decision_simplifier_v2 --since 2026-11-25T00:00:00Z", "Only what touched that model since then."),
        ]
    )
    static let modelOption = RepeatedOption("--model", "NAME", help: "only entries about this model; repeatable")
    static let sinceOption = Option<Date?>(
        "--since", "ISO8601", absent: .some(nil), help: "only entries at or after this time, e.g. 2026-11-25T00:00:00Z",
        expected: "an ISO 8601 time such as 2026-11-25T00:00:00Z"
    ) { Timestamp.date($0).map(Optional.some) }

    var config: ConfigLocation
    var models: [String]
    var since: Date?

    init(_ arguments: ParsedArguments) throws {
        config = try ConfigLocation(arguments)
        models = arguments.values(Self.modelOption)
        since = try arguments.value(Self.sinceOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(config: config, ollama: nil, context: context) else { return .undecided }
        let contents = HistoryLog.read(session.files.history)
        var last: [String: [String: Double]] = [:]
        var lines: [String] = []
        var shown: [HistoryEntry] = []
        for entry in contents.entries {
            defer { for (model, metrics) in entry.metrics ?? [:] { last[model] = metrics } }
            if let since, (Timestamp.date(entry.time) ?? .distantPast) < since { continue }
            if !models.isEmpty, !models.contains(where: entry.mentions) { continue }
            shown.append(entry)
            let version = entry.ollamaVersion.map { ", Ollama \($0)" } ?? ""
            lines.append("\(entry.time)  \(entry.command)  \(entry.outcome)  (readiness \(entry.toolVersion)\(version))")
            lines += entry.changes.map { "  " + $0 }
            // A model whose figures are those of the entry before (a gate or 'migrate next' repeating the last
            // check's) gets no line of its own.
            for (model, metrics) in (entry.metrics ?? [:]).sorted(by: { $0.key < $1.key })
            where (models.isEmpty || models.contains(model)) && last[model] != metrics {
                lines.append("  \(model): " + (last[model].map { MetricsText.delta(from: $0, to: metrics) } ?? MetricsText.line(metrics)))
            }
        }
        if lines.isEmpty { lines.append("No history entries\(models.isEmpty && since == nil ? "" : " match") in \(session.display(session.files.history)).") }
        let table = MetricsText.changeTable(shown, models: models)
        if !table.isEmpty { lines += ["", "Before/after per change (before → after):"] + table }
        context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
        for skipped in contents.skipped { context.errorOutput("Warning: \(UntrustedText.consoleLine(skipped))\n") }
        return .success
    }
}
