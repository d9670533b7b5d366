import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness report EVENTS.jsonl`: the reports of a run that `swift test` made elsewhere, e.g. in a CI job.
struct ReportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "report",
        abstract: "Write the reports from an event stream produced by 'swift test'.",
        discussion: """
            Writes the reports from a stream that 'swift test --event-stream-output-path EVENTS.jsonl
            --event-stream-version 6.3 --attachments-path DIR' produced, e.g. in a CI job.
            """,
        arguments: [
            .positional("EVENTS.jsonl", help: "the event stream of the run"),
            .option("--config", "FILE", help: "readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)"),
            .repeatable("--attachments", "DIR", help: "folder holding the attachments; repeat for several (default: the recorded paths)"),
            .option("--gate", "NAME", help: "gate of readiness.json to decide (default: phase2)"),
            .option("--out", "DIR", help: "folder for the reports (default: readiness-report)"),
        ]
    )

    var events: String
    var config: String?
    var attachments: [String]
    var gate: String
    var out: String

    init(_ arguments: ParsedArguments) {
        events = arguments.positionals[0]
        config = arguments.value("--config")
        attachments = arguments.values("--attachments")
        gate = arguments.value("--gate") ?? ReadinessConfig.defaultGate.name
        out = arguments.value("--out") ?? "readiness-report"
    }

    func run(in context: RunnerContext) async -> ExitCode {
        let loaded = LoadedConfig.load(config, ollama: [], context: context)
        let report = ReadinessReport.build(
            from: RunEvidence.read(from: context.url(events)),
            context: loaded.reportContext(gate: gate, events: events, attachments: attachments, context: context)
        )
        return await OutputLock.holding(out, context: context) { ReportPublisher.publish(report, out: out, context: context) }
    }
}
