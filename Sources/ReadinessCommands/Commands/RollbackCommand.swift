import FleetKit
import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness rollback --from DIR`: re-creates models from a backup, never replacing one it could not rebuild.
struct RollbackCommand: Subcommand {
    static let spec = CommandSpec(
        name: "rollback",
        abstract: "Re-create models from a backup taken by 'readiness backup'.",
        discussion: """
            Verifies the backup's checksums, builds each model through /api/create under a temporary name,
            checks its parameters, system prompt and template against the backup, then copies it over the
            model's name and deletes the temporary model. A model that cannot be re-created is left as it
            is. A backup stores no weights: a model whose base model (FROM) is not installed is refused.
            Exit status: 0 every model restored, 1 one was refused, 2 usage or config error.
            """,
        arguments: [fromOption, modelOption] + FleetSession.arguments,
        examples: [
            .init("readiness rollback --from backups/20261203T101500Z", "Restore every model of that backup."),
            .init("readiness rollback --from backups/20261203T101500Z --model decision_simplifier_v2", "Restore one model of it."),
        ]
    )
    static let fromOption = Option<String>(
        "--from", "DIR", absent: nil, help: "the backup folder (one timestamped folder under backup.directory)", expected: "a folder"
    ) { $0 }
    static let modelOption = RepeatedOption("--model", "NAME", help: "model to restore; repeatable (default: every model of the backup)")

    var from: String
    var models: [String]
    var config: ConfigLocation
    var ollama: String?

    init(_ arguments: ParsedArguments) throws {
        from = try arguments.value(Self.fromOption)
        models = arguments.values(Self.modelOption)
        config = try ConfigLocation(arguments)
        ollama = try arguments.value(CommonOptions.ollama)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(config: config, ollama: ollama, context: context) else { return .undecided }
        let folder = context.url(from, isDirectory: true)
        let models = models.isEmpty ? (BackupManifest.verify(folder: folder).manifest?.models.map(\.name) ?? []) : models
        guard !models.isEmpty else {
            context.error("\(from) holds no readable \(BackupManifest.fileName), so there is nothing to roll back from")
            return .undecided
        }
        let version = await session.ollamaVersion()
        var refused = false
        for model in models {
            refused = await Self.restore(model, from: folder, session: session, ollamaVersion: version) == nil || refused
        }
        return refused ? .notReady : .success
    }

    /// Restores one model, printing and recording the outcome; `nil` when it was refused.
    static func restore(_ model: String, from folder: URL, session: FleetSession, ollamaVersion: String?, command: String = "rollback") async -> FleetRollback.Restored? {
        let context = session.context
        do {
            let restored = try await FleetRollback.restore(model, from: folder, client: session.client)
            var lines = ["Restored \(model) from \(session.display(folder)) (built FROM \(restored.base), checked against the backup)."]
            lines += restored.warnings.map { "Warning: " + $0 }
            context.output(lines.map(UntrustedText.consoleLine).joined(separator: "\n") + "\n")
            session.record(command, outcome: "ok", ollamaVersion: ollamaVersion, changes: ["restored \(model) from \(session.display(folder))"] + restored.warnings)
            return restored
        } catch {
            context.error("\(error)")
            session.record(command, outcome: "refused", ollamaVersion: ollamaVersion, changes: ["\(error)"])
            return nil
        }
    }
}
