import Foundation
import ReadinessKit
import ReadinessReports

/// Backup folders as `readiness backup` writes them, without an Ollama: for the step gate's tests.
package enum BackupFixtures {
    /// Writes `folder` with one `<model>.Modelfile` and `<model>.show.json` per model and a manifest.json
    /// listing their checksums.
    /// - Parameter modelfiles: Model → its Modelfile text (default "FROM llama3").
    @discardableResult
    package static func write(_ models: [String], in folder: URL, modelfiles: [String: String] = [:]) throws -> URL {
        var files: [String: String] = [:]
        var entries: [BackupManifest.Entry] = []
        for model in models {
            let stem = BackupManifest.fileStem(of: model)
            let entry = BackupManifest.Entry(name: model, digest: nil, modelfile: "\(stem).Modelfile", snapshot: "\(stem).show.json")
            let modelfile = Data((modelfiles[model] ?? "FROM llama3\n").utf8)
            let snapshot = Data("{\"name\":\"\(model)\",\"details\":{}}\n".utf8)
            try DomainFixtures.write(String(decoding: modelfile, as: UTF8.self), to: entry.modelfile, in: folder)
            try DomainFixtures.write(String(decoding: snapshot, as: UTF8.self), to: entry.snapshot, in: folder)
            files[entry.modelfile] = SHA256.hex(modelfile)
            files[entry.snapshot] = SHA256.hex(snapshot)
            entries.append(entry)
        }
        let manifest = BackupManifest(
            createdAt: "2026-11-25T10:00:00Z", tool: .init(name: "readiness", version: "test"),
            ollama: .init(host: "http://127.0.0.1:11434", version: "0.6.2"), models: entries, files: files
        )
        let data = try BackupManifest.encoder().encode(manifest)
        return try DomainFixtures.write(String(decoding: data, as: UTF8.self), to: BackupManifest.fileName, in: folder)
    }
}
