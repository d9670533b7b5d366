import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness gate --step N`: may the first N models of the migration order go?
struct GateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "gate",
        abstract: "Decide one step of the migration: may the first N models go?",
        discussion: """
            Decides step N of the conservative migration: the first N models in migration order must pass
            availability, functionality and performance, and a backup under backup.directory must list each
            in its manifest.json with matching checksums and a Modelfile with a FROM line ('readiness
            backup' takes one; a bare <model>.Modelfile does not count). Reads DIR/report.json of the last check,
            or builds it from EVENTS.jsonl; a report that is undecided, lacks a result the step needs, was
            made with another readiness.json, or records other SHA-256s of readiness.json or the Modelfiles
            than the files have now (file times are never compared) is refused.
            """,
        arguments: [
            stepOption, Positional("EVENTS.jsonl", optional: true, help: "decide from this event stream instead of the last report"),
            CommonOptions.config, CommonOptions.state, CommonOptions.attachments, CommonOptions.reportFolder,
        ],
        examples: [
            .init("readiness gate --step 1", "May the first model of the migration order go? Decided from readiness-report/report.json."),
            .init("readiness gate --step 3 run/events.jsonl --attachments run/attachments", "Decide step 3 from a run's event stream instead of the last report."),
        ]
    )
    static let stepOption = Option<Int>.requiredCount("--step", "N", help: "number of models migrated after this step (1 or more)")

    var step: Int
    var events: String?
    var config: ConfigLocation
    var attachments: [String]
    var out: String

    init(_ arguments: ParsedArguments) throws {
        step = try arguments.value(Self.stepOption)
        events = arguments.positionals.first
        config = try ConfigLocation(arguments)
        attachments = arguments.values(CommonOptions.attachments)
        out = try arguments.value(CommonOptions.reportFolder)
        if events == nil, !attachments.isEmpty {
            throw arguments.error("Option '--attachments' needs an EVENTS.jsonl argument")
        }
    }

    func run(in context: RunnerContext) async -> ExitCode {
        let loaded = LoadedConfig.load(config, ollama: [], context: context)
        guard let fleet = loaded.config else {
            context.error(loaded.problem?.message ?? "no configuration")
            return .undecided
        }
        let report: ReadinessReport
        if let events {
            report = ReadinessReport.build(
                from: RunEvidence.read(from: context.url(events)),
                context: loaded.reportContext(gate: ReadinessConfig.defaultGate.name, events: events, attachments: attachments, context: context)
            )
        } else {
            do {
                report = try ReadinessReport.load(from: context.url(out, isDirectory: true).appendingPathComponent("report.json"))
            } catch {
                context.error("\(error)")
                return .undecided
            }
        }
        let backups = fleet.backup.map { StepGate.backupFiles(in: $0.directory) } ?? []
        let decision = StepGate.decide(step: step, config: fleet, report: report, backups: backups)
        var lines = ["Migration step \(decision.step): \(decision.models.joined(separator: ", "))"]
        if !decision.blockers.isEmpty { lines += ["Blocked by:"] + decision.blockers.map { "- " + $0 } }
        if !decision.actions.isEmpty { lines += ["Next:"] + decision.actions.map { "- " + $0 } }
        lines.append("\(decision.outcome.label): \(decision.summary)")
        context.say(lines)
        FleetSession(config: fleet, context: context).record(
            "gate", outcome: decision.outcome.rawValue, metrics: report.metrics(of: decision.models),
            ollamaVersion: report.ollama.version, changes: [decision.summary], ifStarted: true)
        return ExitCode(decision.outcome)
    }
}
