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
            Positional("EVENTS.jsonl", help: "the event stream of the run"),
            CommonOptions.config, CommonOptions.attachments, CommonOptions.gate, CommonOptions.reportFolder,
        ],
        examples: [
            .init("readiness report run/events.jsonl --attachments run/attachments", "Write the reports of a run made by 'swift test' in another job into readiness-report."),
            .init("readiness report events.jsonl --gate nightly --out nightly-report", "Decide the 'nightly' gate of readiness.json instead of the default one."),
        ],
        environment: [.githubActions, .githubStepSummary]
    )

    var events: String
    var config: String?
    var attachments: [String]
    var gate: String
    var out: String

    init(_ arguments: ParsedArguments) throws {
        events = arguments.positionals[0]
        config = try arguments.value(CommonOptions.config)
        attachments = arguments.values(CommonOptions.attachments)
        gate = try arguments.value(CommonOptions.gate)
        out = try arguments.value(CommonOptions.reportFolder)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        let loaded = LoadedConfig.load(ConfigLocation(file: config), ollama: [], context: context)
        let report = ReadinessReport.build(
            from: RunEvidence.read(from: context.url(events)),
            context: loaded.reportContext(gate: gate, events: events, attachments: attachments, context: context)
        )
        return await OutputLock.holding(out, context: context) { ReportPublisher.publish(report, out: out, context: context) }
    }
}
