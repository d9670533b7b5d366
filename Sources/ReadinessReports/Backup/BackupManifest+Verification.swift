import ReadinessKit
import Foundation

extension BackupManifest {
    /// What a backup folder holds once its manifest and checksums have been checked.
    package struct Verification: Sendable, Equatable {
        /// The folder checked.
        package var folder: URL
        /// The manifest, when it could be read.
        package var manifest: BackupManifest?
        /// Models whose files all match the manifest and whose Modelfile can rebuild them.
        package var usable: [String]
        /// Model → why its files cannot restore it.
        package var rejected: [String: String]
        /// Everything wrong with the folder (a bad manifest, a changed or missing file), one sentence each.
        package var problems: [String]

        /// Whether the manifest reads and every file it lists is intact.
        package var isIntact: Bool { manifest != nil && problems.isEmpty }
    }

    /// Reads `folder/manifest.json` and checks every file it lists against its SHA-256, and each model's
    /// Modelfile for a FROM line. A folder with a file the manifest does not list (hidden files aside), a listed
    /// file no model owns, or a manifest of no model is not intact; the models whose own files match stay usable.
    /// - Parameter folder: One backup folder, as `readiness backup` wrote it.
    package static func verify(folder: URL) -> Verification {
        var verification = Verification(folder: folder, usable: [], rejected: [:], problems: [])
        let file = folder.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: file.path) else {
            verification.problems.append("\(file.path) does not exist or cannot be read")
            return verification
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data),
              manifest.schemaVersion == currentSchemaVersion else {
            verification.problems.append("\(file.path) is not a backup manifest of schema version \(currentSchemaVersion)")
            return verification
        }
        verification.manifest = manifest
        if manifest.models.isEmpty { verification.problems.append("\(file.path) lists no model") }
        // A backup is exactly what its manifest lists: a file added, or a model's entry dropped, is a changed backup.
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in present.sorted() where name != fileName && !name.hasPrefix(".") && manifest.files[name] == nil {
            verification.problems.append("\(folder.path)/\(name) is not listed in \(fileName)")
        }
        for name in manifest.files.keys.sorted() where !manifest.models.contains(where: { $0.modelfile == name || $0.snapshot == name }) {
            verification.problems.append("\(fileName) lists \(name), which belongs to no model it lists")
        }
        var broken: [String: String] = [:]
        for (name, expected) in manifest.files.sorted(by: { $0.key < $1.key }) {
            if let problem = checksumProblem(name, expected: expected, in: folder) {
                broken[name] = problem
                verification.problems.append(problem)
            }
        }
        for entry in manifest.models {
            if let problem = [entry.modelfile, entry.snapshot].lazy.compactMap({ name in
                manifest.files[name] == nil ? "\(folder.path)/\(name) is not listed in \(fileName)" : broken[name]
            }).first {
                verification.rejected[entry.name] = problem
            } else if let problem = StepGate.unusable(folder.appendingPathComponent(entry.modelfile)) {
                verification.rejected[entry.name] = problem
            } else {
                verification.usable.append(entry.name)
            }
        }
        verification.problems += manifest.models.compactMap { entry in
            verification.rejected[entry.name].flatMap { verification.problems.contains($0) ? nil : $0 }
        }
        return verification
    }

    /// Why `name` in `folder` does not match `expected`, or `nil` when it does. Names must stay inside the folder.
    private static func checksumProblem(_ name: String, expected: String, in folder: URL) -> String? {
        let path = "\(folder.path)/\(name)"
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else { return "\(fileName) lists '\(name)', which is not a file name inside the backup" }
        guard let data = FileManager.default.contents(atPath: path) else { return "\(path) is missing" }
        let actual = SHA256.hex(data)
        return actual == expected ? nil : "\(path) changed since the backup (sha256 \(actual.prefix(12))…, manifest \(expected.prefix(12))…)"
    }
}
