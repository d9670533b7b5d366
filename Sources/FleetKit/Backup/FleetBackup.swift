import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// Snapshots models through `/api/show` into a new timestamped folder under the backup directory, with a
/// `manifest.json` holding the SHA-256 of every file. The folder is written under a hidden temporary name and
/// renamed when complete, so a crash leaves no half backup, and an existing backup is never overwritten.
package enum FleetBackup {
    /// One backup taken.
    package struct Result: Sendable, Equatable {
        /// The new backup folder.
        package var folder: URL
        package var manifest: BackupManifest
    }

    /// Backs up `models` from `client`'s Ollama into a new folder under `directory`.
    /// - Parameters:
    ///   - models: The models, each as named in readiness.json.
    ///   - directory: `backup.directory`; created if needed.
    ///   - now: The backup's time, which names its folder.
    /// - Returns: The folder and its manifest.
    /// - Throws: `OllamaError` (a model missing, Ollama unreachable), `FleetError.backupFailed` for the files.
    package static func take(_ models: [String], client: OllamaClient, into directory: URL, now: Date = Date()) async throws -> Result {
        let version = try? await client.version().version
        let listed = try await client.listModels().models
        var files: [String: Data] = [:]
        var entries: [BackupManifest.Entry] = []
        for model in models {
            let show = try await client.show(ShowRequest(model: model))
            guard let modelfile = show.modelfile, !modelfile.isEmpty else {
                throw FleetError.backupFailed("Ollama gave no Modelfile for \(model), so it cannot be backed up")
            }
            let digest = listed.first { ModelName.matches($0.name, model) }?.digest
            let stem = BackupManifest.fileStem(of: model)
            let entry = BackupManifest.Entry(name: model, digest: digest, modelfile: "\(stem).Modelfile", snapshot: "\(stem).show.json")
            files[entry.modelfile] = Data(modelfile.utf8)
            files[entry.snapshot] = try BackupManifest.encoder().encode(ModelSnapshot(name: model, digest: digest, show: show)) + Data("\n".utf8)
            entries.append(entry)
        }
        let manifest = BackupManifest(
            createdAt: Timestamp.iso8601(now), tool: .init(name: "readiness", version: ToolVersion.current),
            ollama: .init(host: OllamaHost.redacted(client.configuration.baseURL.absoluteString), version: version),
            models: entries, files: files.mapValues(SHA256.hex)
        )
        files[BackupManifest.fileName] = try BackupManifest.encoder().encode(manifest) + Data("\n".utf8)
        return Result(folder: try publish(files, in: directory, named: Timestamp.folderName(now)), manifest: manifest)
    }

    /// Writes `files` into a hidden folder, then renames it to the first free `name`, `name-2`, …
    private static func publish(_ files: [String: Data], in directory: URL, named name: String) throws -> URL {
        let fileManager = FileManager.default
        let temporary = directory.appendingPathComponent(".\(name).\(ProcessInfo.processInfo.processIdentifier).partial")
        do {
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for (file, data) in files { try data.write(to: temporary.appendingPathComponent(file)) }
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw FleetError.backupFailed("could not write \(temporary.path): \((error as NSError).localizedDescription)")
        }
        for attempt in 1...100 {
            let folder = directory.appendingPathComponent(attempt == 1 ? name : "\(name)-\(attempt)")
            // moveItem refuses an existing destination, so an earlier backup is never replaced.
            if (try? fileManager.moveItem(at: temporary, to: folder)) != nil { return folder }
        }
        try? fileManager.removeItem(at: temporary)
        throw FleetError.backupFailed("could not rename \(temporary.path) to a free name under \(directory.path)")
    }
}
