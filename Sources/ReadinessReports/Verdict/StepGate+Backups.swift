import ReadinessKit
import Foundation
import OllamaKit

extension StepGate {
    /// The backups found under `backup.directory`: the models they can restore, and why the others cannot.
    package struct Backups: Sendable, Equatable, ExpressibleByArrayLiteral {
        /// Names of models a verified backup can restore.
        package var usable: Set<String>
        /// Model name → why no backup of it can restore it (checksum mismatch, no FROM, no manifest).
        package var rejected: [String: String]

        package init(usable: Set<String>, rejected: [String: String] = [:]) {
            self.usable = usable
            self.rejected = rejected
        }

        package init(arrayLiteral names: String...) {
            self.init(usable: Set(names))
        }

        /// Whether a verified backup can restore `model` (Ollama's name rules: "x" is "x:latest").
        package func canRestore(_ model: String) -> Bool {
            usable.contains(model) || usable.contains { ModelName.matches($0, model) }
        }

        /// Why the backups of `model` cannot restore it, if any was found.
        package func rejection(of model: String) -> String? {
            rejected[model] ?? rejected.first { ModelName.matches($0.key, model) }?.value
        }
    }

    /// The backups under `directory`, at any depth, each verified against its manifest (`BackupManifest.verify`):
    /// a model is backed up when a `manifest.json` lists it, its files match their checksums and its Modelfile
    /// has a FROM line, because a rollback from an empty, edited or broken backup destroys the model it was
    /// meant to save. A `<model>.Modelfile` that no manifest lists is not a backup. Hidden folders (a backup
    /// still being written) are skipped.
    package static func backupFiles(in directory: URL) -> Backups {
        guard let walker = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]
        ) else { return [] }
        var backups = Backups(usable: [])
        var bare: [URL] = []
        for case let url as URL in walker {
            if url.lastPathComponent == BackupManifest.fileName {
                let verification = BackupManifest.verify(folder: url.deletingLastPathComponent())
                for model in verification.usable {
                    backups.usable.insert(model)
                    backups.rejected[model] = nil
                }
                for (model, why) in verification.rejected where !backups.usable.contains(model) {
                    backups.rejected[model] = why
                }
            } else if url.pathExtension == "Modelfile" {
                bare.append(url)
            }
        }
        let fileManager = FileManager.default
        for url in bare where !fileManager.fileExists(atPath: url.deletingLastPathComponent().appendingPathComponent(BackupManifest.fileName).path) {
            let model = url.deletingPathExtension().lastPathComponent
            guard !backups.canRestore(model), backups.rejection(of: model) == nil else { continue }
            backups.rejected[model] = "\(url.path) is listed in no \(BackupManifest.fileName), so it is not a verified backup"
        }
        return backups
    }

    /// Why the file at `url` cannot restore a model, or `nil` when it can: it must be a regular file (symlinks
    /// followed), non-empty UTF-8, and parse as a Modelfile with a FROM line.
    static func unusable(_ url: URL) -> String? {
        // fileExists follows symlinks, so it is false for a link to nothing.
        guard FileManager.default.fileExists(atPath: url.path) else { return "\(url.path) is a broken link" }
        let resolved = url.resolvingSymlinksInPath()
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path) else {
            return "\(url.path) cannot be read"
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { return "\(url.path) is not a regular file" }
        guard let data = FileManager.default.contents(atPath: resolved.path), !data.isEmpty else { return "\(url.path) is empty" }
        guard let text = String(data: data, encoding: .utf8) else { return "\(url.path) is not UTF-8 text" }
        do {
            _ = try Modelfile.parse(text)
            return nil
        } catch {
            return "\(url.path) is not a usable Modelfile: \(error)"
        }
    }
}
