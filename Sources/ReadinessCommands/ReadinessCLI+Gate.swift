import Foundation
import ReadinessKit

extension ReadinessCLI {
    /// `readiness gate --step N`: decides one migration step from the last report (or an event stream).
    static func gate(_ options: Invocation.GateOptions, context: RunnerContext) -> Int32 {
        let loaded = loadConfig(options.config, ollama: nil, context: context)
        guard let config = loaded.config else {
            context.errorOutput("Error: \(loaded.problem?.message ?? "no configuration")\n")
            return 2
        }
        let report: ReadinessReport
        if let events = options.events {
            report = ReadinessReport.build(
                from: RunEvidence.read(from: context.url(events)),
                context: reportContext(
                    loaded, gate: ReadinessConfig.defaultGate.name, events: events, attachments: options.attachments,
                    context: context
                )
            )
        } else {
            do {
                report = try ReadinessReport.load(from: context.url(options.out, isDirectory: true).appendingPathComponent("report.json"))
            } catch {
                context.errorOutput("Error: \(error)\n")
                return 2
            }
        }
        let backups = config.backup.map { StepGate.backupFiles(in: $0.directory) } ?? []
        let decision = StepGate.decide(step: options.step, config: config, report: report, backups: backups)
        var lines = ["Migration step \(decision.step): \(decision.models.joined(separator: ", "))"]
        if !decision.blockers.isEmpty { lines += ["Blocked by:"] + decision.blockers.map { "- " + $0 } }
        if !decision.actions.isEmpty { lines += ["Next:"] + decision.actions.map { "- " + $0 } }
        lines.append("\(decision.outcome.label): \(decision.summary)")
        context.output(lines.joined(separator: "\n") + "\n")
        return decision.outcome.exitCode
    }
}
