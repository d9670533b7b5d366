import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// `readiness merge SHARD_DIR...`: the reports and the verdict of a sharded check, from the report folders of
/// its shards (`readiness check --shard K/N --out SHARD_DIR`), judged as one unsharded run would be.
struct MergeCommand: Subcommand {
    static let spec = CommandSpec(
        name: "merge",
        abstract: "Merge the reports of the shards of a sharded check into one report and one verdict.",
        discussion: """
            Reads report.json of each shard folder (a complete set: report.complete must match it) and decides the
            gate on all their results together, as an unsharded check would. UNDECIDED when a shard is missing,
            given twice, incomplete or unsharded, or when the shards disagree on N, on readiness.json (SHA-256),
            on the hosts, on the gate or on the readiness version.
            """,
        arguments: [
            Positional(variadic: "SHARD_DIR", help: "the --out folder of one 'readiness check --shard K/N'; one per shard"),
            CommonOptions.config, CommonOptions.ollamaHosts, CommonOptions.gate, CommonOptions.reportFolder,
        ],
        examples: [
            .init("readiness merge shard-1 shard-2 shard-3", "Decide the gate on the three shards together, into readiness-report."),
            .init("readiness merge shard-* --ollama a:11434 --ollama b:11434", "Merge shards that were checked with these --ollama hosts (give the same as they were)."),
        ],
        environment: [.githubActions, .githubStepSummary]
    )

    var shards: [String]
    var config: String?
    var ollama: [String]
    var gate: String
    var out: String

    init(_ arguments: ParsedArguments) throws {
        shards = arguments.positionals
        config = try arguments.value(CommonOptions.config)
        ollama = arguments.values(CommonOptions.ollamaHosts)
        gate = try arguments.value(CommonOptions.gate)
        out = try arguments.value(CommonOptions.reportFolder)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        // The merged set replaces whatever --out holds: never a shard's own reports, the evidence being merged.
        func folder(_ path: String) -> String { context.url(path, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath().path }
        if let shard = shards.first(where: { folder($0) == folder(out) }) {
            context.error("--out '\(out)' is the shard folder '\(shard)': the merged reports would replace its evidence. Give the merge another --out.")
            return .undecided
        }
        let loaded = LoadedConfig.load(ConfigLocation(file: config), ollama: ollama, context: context)
        let inputs = shards.map { folder in
            ReadinessReport.ShardInput(folder: folder, report: Result {
                try ReadinessReport.load(from: context.url(folder, isDirectory: true).appendingPathComponent("report.json"))
            }.mapError { $0 as? ReportError ?? .notAReport(folder) })
        }
        let report = ReadinessReport.merge(inputs, context: loaded.reportContext(gate: gate, events: "", attachments: [], context: context))
        return await OutputLock.holding(out, context: context) { ReportPublisher.publish(report, out: out, context: context) }
    }
}
