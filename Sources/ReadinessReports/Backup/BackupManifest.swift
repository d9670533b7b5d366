import ReadinessKit
import Foundation
import OllamaKit

/// `manifest.json` of one backup folder: what was backed up, from which Ollama, and the SHA-256 of every file.
///
/// The manifest is the authority on a backup: the step gate and `readiness backup --verify` trust a model's
/// files only when a manifest lists them and their checksums still match, because a rollback from a truncated
/// or edited file would replace a working model with a broken one.
package struct BackupManifest: Codable, Sendable, Equatable {
    /// The name of the manifest inside a backup folder.
    package static let fileName = "manifest.json"
    /// The version of the manifest's shape.
    package static let currentSchemaVersion = 1

    package var schemaVersion: Int
    /// When the backup was taken (ISO 8601, UTC).
    package var createdAt: String
    package var tool: Tool
    package var ollama: Ollama
    /// The models backed up, in the order asked for.
    package var models: [Entry]
    /// File name (inside the folder) → SHA-256 of its bytes, for every file of the backup but the manifest.
    package var files: [String: String]

    /// The tool that took the backup.
    package struct Tool: Codable, Sendable, Equatable {
        package var name: String
        package var version: String

        package init(name: String, version: String) {
            self.name = name
            self.version = version
        }
    }

    /// The Ollama the models were read from.
    package struct Ollama: Codable, Sendable, Equatable {
        /// The host with its credentials redacted (`OllamaHost.redacted`).
        package var host: String
        /// `/api/version` when the backup was taken.
        package var version: String?

        package init(host: String, version: String?) {
            self.host = host
            self.version = version
        }
    }

    /// One model's file set.
    package struct Entry: Codable, Sendable, Equatable {
        /// The model's name as asked for.
        package var name: String
        /// The manifest digest `/api/tags` listed for it.
        package var digest: String?
        /// `<model>.Modelfile`: the Modelfile `/api/show` gave.
        package var modelfile: String
        /// `<model>.show.json`: system, template, parameters, messages, license, details and digest.
        package var snapshot: String

        package init(name: String, digest: String?, modelfile: String, snapshot: String) {
            self.name = name
            self.digest = digest
            self.modelfile = modelfile
            self.snapshot = snapshot
        }
    }

    package init(createdAt: String, tool: Tool, ollama: Ollama, models: [Entry], files: [String: String]) {
        schemaVersion = Self.currentSchemaVersion
        self.createdAt = createdAt
        self.tool = tool
        self.ollama = ollama
        self.models = models
        self.files = files
    }

    /// The entry of `model` by Ollama's name rules, if the manifest lists it.
    package func entry(for model: String) -> Entry? {
        models.first { $0.name == model } ?? models.first { ModelName.matches($0.name, model) }
    }

    /// The encoding of manifest.json: sorted and pretty, so two backups diff cleanly.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The file stem of `model` inside a backup folder: the name as typed, with "/" (a namespace) as "_", so
    /// each model is one file beside the others and the `<model>.Modelfile` layout stays for plain names.
    package static func fileStem(of model: String) -> String {
        model.replacingOccurrences(of: "/", with: "_")
    }
}
