import FleetKit
import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness backup`: snapshots models through /api/show into a new folder under backup.directory, or
/// `--verify DIR` re-checks one backup's checksums.
struct BackupCommand: Subcommand {
    static let spec = CommandSpec(
        name: "backup",
        abstract: "Back up models' Modelfiles and settings from Ollama, or verify a backup.",
        discussion: """
            Reads each model through /api/show and writes <model>.Modelfile and <model>.show.json (system,
            template, parameters, messages, license, details, digest) plus manifest.json (Ollama version,
            redacted host, time, sha256 of every file) into a new timestamped folder under backup.directory.
            The folder is written under a temporary name and renamed when complete; no backup is overwritten.
            A backup stores no weights: restoring a model needs its base model installed.
            Exit status: 0 done (or verified), 1 a backup failed (or a file changed), 2 usage or config error.
            """,
        arguments: FleetSession.arguments + [modelOption, verifyOption],
        examples: [
            .init("readiness backup", "Back up every model of ./readiness.json into a new timestamped folder under backup.directory."),
            .init("readiness backup --model financial_planning_expert_v6", "Back up one model."),
            .init("readiness backup --verify backups/20261203T101500Z", "Re-check the checksums of a backup taken earlier."),
        ]
    )
    static let modelOption = RepeatedOption("--model", "NAME", help: "model to back up; repeatable (default: every model of readiness.json)")
    static let verifyOption = Option<String?>.text("--verify", "DIR", help: "re-check the checksums of the backup in DIR instead of taking one")

    var config: ConfigLocation
    var ollama: String?
    var models: [String]
    var verify: String?

    init(_ arguments: ParsedArguments) throws {
        config = try ConfigLocation(arguments)
        ollama = try arguments.value(CommonOptions.ollama)
        models = arguments.values(Self.modelOption)
        verify = try arguments.value(Self.verifyOption)
        if verify != nil, !models.isEmpty || ollama != nil {
            throw arguments.error("Option '--verify' checks a backup on disk and takes no '--model' or '--ollama'")
        }
    }

    func run(in context: RunnerContext) async -> ExitCode {
        if let verify { return Self.verify(context.url(verify, isDirectory: true), typed: verify, context: context) }
        guard let session = FleetSession.open(config: config, ollama: ollama, context: context) else { return .undecided }
        guard let directory = session.config.backup?.directory else {
            context.error("\(session.display(session.config.file)) has no backup section: add \"backup\": {\"scripts\": […], \"directory\": \"backups\"}")
            return .undecided
        }
        let models = models.isEmpty ? session.config.modelsInMigrationOrder.map(\.name) : models
        let version = await session.ollamaVersion()
        do {
            let backup = try await FleetBackup.take(models, client: session.client, into: directory, now: context.now())
            let folder = session.display(backup.folder)
            var lines = ["Backed up \(models.count) \(models.count == 1 ? "model" : "models") from \(backup.manifest.ollama.host) (Ollama \(version ?? "version unknown")) into \(folder):"]
            lines += backup.manifest.models.map { "- \($0.name): \($0.modelfile), \($0.snapshot)" + ($0.digest.map { ", digest \($0.prefix(12))" } ?? "") }
            lines.append("\(BackupManifest.fileName) holds the sha256 of \(backup.manifest.files.count) files; check them with 'readiness backup --verify \(ShellQuoting.quote(folder))'.")
            lines.append("A backup stores no weights: restoring a model needs its base model installed.")
            context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
            session.record("backup", outcome: "ok", ollamaVersion: version, changes: ["backed up \(models.joined(separator: ", ")) into \(folder)"])
            return .success
        } catch {
            context.error("\(error)")
            session.record("backup", outcome: "failed", ollamaVersion: version, changes: ["no backup of \(models.joined(separator: ", ")): \(error)"])
            return .notReady
        }
    }

    /// `--verify DIR`: 0 when every file matches the manifest, else 1 with each problem.
    private static func verify(_ folder: URL, typed: String, context: RunnerContext) -> ExitCode {
        let verification = BackupManifest.verify(folder: folder)
        guard let manifest = verification.manifest, verification.isIntact else {
            let lines = ["Backup \(typed) does not verify:"] + verification.problems.map { "- " + $0 }
            context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
            return .notReady
        }
        let line = "Backup \(typed) verifies: \(manifest.files.count) files match \(BackupManifest.fileName) (\(manifest.models.map(\.name).joined(separator: ", ")); taken \(manifest.createdAt) from \(manifest.ollama.host))."
        context.output(UntrustedText.consoleLine(line) + "\n")
        return .success
    }
}
