import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// Re-creates models from a backup through `/api/create`, the way `FleetBuilder` builds them. Each model is
/// built under a temporary name first and checked against the backup; only then is it copied over the
/// model's name. A model that could not be re-created is never deleted or replaced.
package enum FleetRollback {
    /// One model restored.
    package struct Restored: Sendable, Equatable {
        package var model: String
        /// The installed model it was built FROM.
        package var base: String
        /// The backup's digest of the model, for comparison with the restored one.
        package var digest: String?
        /// What went wrong after the model was restored (a temporary model left behind).
        package var warnings: [String]
    }

    /// Restores `model` from the backup in `folder`.
    /// - Parameters:
    ///   - model: A model the backup's manifest lists.
    ///   - folder: One backup folder (`FleetBackup.take`'s).
    ///   - client: The Ollama to restore into.
    ///   - timeout: The limit of the create request; the client's default when `nil`.
    /// - Throws: `FleetError.rollbackRefused` saying why, with the model left as it was; `OllamaError` when
    ///   Ollama cannot be asked what is installed.
    package static func restore(_ model: String, from folder: URL, client: OllamaClient, timeout: Duration? = nil) async throws -> Restored {
        func refuse(_ reason: String) -> FleetError { .rollbackRefused(model, reason: reason) }
        let verification = BackupManifest.verify(folder: folder)
        guard let entry = verification.manifest?.entry(for: model) else {
            throw refuse(verification.manifest == nil
                ? verification.problems.first ?? "\(folder.path) holds no backup manifest"
                : "the backup in \(folder.path) does not list it")
        }
        if let problem = verification.rejected[entry.name] { throw refuse("its backup cannot be trusted: \(problem)") }
        let snapshot: ModelSnapshot, modelfile: Modelfile
        do {
            snapshot = try JSONDecoder().decode(ModelSnapshot.self, from: Data(contentsOf: folder.appendingPathComponent(entry.snapshot)))
            modelfile = try Modelfile.parse(String(contentsOf: folder.appendingPathComponent(entry.modelfile), encoding: .utf8))
        } catch {
            throw refuse("its backup cannot be read: \(error)")
        }
        guard let base = snapshot.base ?? modelfile.from.flatMap({ BaseReference.isFile($0, relativeTo: nil) ? nil : $0 }) else {
            throw refuse("the backup names no base model to build on (a backup stores no weights)")
        }
        let installed = try await client.listModels().models
        guard installed.contains(where: { ModelName.matches($0.name, base) }) else {
            throw refuse("its base model '\(base)' is not installed, and a backup stores no weights: "
                + "install it first ('ollama pull \(base)', or build it), then roll back again")
        }
        let temporary = "readiness-rollback-\(UUID().uuidString.prefix(8).lowercased())"
        do {
            let rebased = Modelfile(commands: modelfile.commands.map { $0.instruction == .from ? .init(.from, base) : $0 })
            try await FleetBuilder.send(.create(try rebased.createRequest(model: temporary)), client: client, timeout: timeout)
            let rebuilt = try await client.show(ShowRequest(model: temporary))
            if let field = mismatch(rebuilt, snapshot, base: try await client.show(ShowRequest(model: base))) {
                throw refuse("the rebuilt model's \(field) differs from the backup's")
            }
            try await client.copy(source: temporary, destination: model)
        } catch {
            try? await client.delete(temporary)
            throw (error as? FleetError) ?? refuse("re-creating it as \(temporary) failed: \(error)")
        }
        var warnings: [String] = []
        do {
            try await client.delete(temporary)
        } catch {
            warnings.append("the temporary model \(temporary) could not be deleted: \(error)")
        }
        return Restored(model: model, base: base, digest: entry.digest, warnings: warnings)
    }

    /// The first of parameters, system prompt and template in which `rebuilt` differs from the backup, or `nil`.
    /// - Parameter base: The base model: Ollama gives a model built FROM a base whatever of the base's parameters,
    ///   system prompt and template it does not set itself, so what the backup lacks may only have the base's value.
    static func mismatch(_ rebuilt: ShowResponse, _ backup: ModelSnapshot, base: ShowResponse? = nil) -> String? {
        let expected = normalized(backup.parameters), inherited = Set(normalized(base?.parameters))
        let names = Set(expected.map(parameterName))
        let actual = normalized(rebuilt.parameters).filter { !inherited.contains($0) || names.contains(parameterName($0)) }
        if actual != expected { return "parameters" }
        func same(_ rebuilt: String?, _ backup: String?, _ base: String?) -> Bool {
            (rebuilt ?? "") == (backup ?? "") || ((backup ?? "").isEmpty && (rebuilt ?? "") == (base ?? ""))
        }
        if !same(rebuilt.system, backup.system, base?.system) { return "system prompt" }
        if !same(rebuilt.template, backup.template, base?.template) { return "template" }
        return nil
    }

    private static func parameterName(_ line: String) -> Substring { line.prefix { $0 != " " } }

    /// Parameter lines in a stable order with their padding collapsed: Ollama aligns and orders them itself.
    private static func normalized(_ parameters: String?) -> [String] {
        (parameters ?? "").split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }.sorted()
    }
}
