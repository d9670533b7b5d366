import Foundation

extension ReadinessConfig {
    /// The inputs of a run by content: what a gate compares, instead of file times, to tell whether a report speaks
    /// for readiness.json and the Modelfiles as they are now (a fresh checkout of the same commit gives new file
    /// times and the same fingerprints).
    package struct Fingerprints: Codable, Sendable, Equatable {
        /// SHA-256 of readiness.json's bytes, as hex; `nil` when the file could not be read.
        package var config: String?
        /// SHA-256 of each model's Modelfile by the model's identity ("x" and "X:latest" are one); a model without a Modelfile,
        /// or whose Modelfile could not be read, has none.
        package var modelfiles: [String: String]

        package init(config: String?, modelfiles: [String: String]) {
            self.config = config
            self.modelfiles = modelfiles
        }
    }

    /// SHA-256 of the config file's bytes, as hex; `nil` when the file cannot be read.
    package static func fingerprint(of file: URL) -> String? {
        FileManager.default.contents(atPath: file.path).map(SHA256.hex)
    }

    /// The fingerprints of readiness.json and the Modelfiles as they are on disk now.
    package func currentFingerprints() -> Fingerprints {
        Fingerprints(config: Self.fingerprint(of: file), modelfiles: modelfileFingerprints())
    }

    /// SHA-256 of each model's Modelfile as it is on disk now, by model name.
    func modelfileFingerprints() -> [String: String] {
        var fingerprints: [String: String] = [:]
        for model in models {
            guard let modelfile = model.modelfile, let bytes = FileManager.default.contents(atPath: modelfile.path) else { continue }
            fingerprints[ReportFormatting.modelKey(model.name)] = SHA256.hex(bytes)
        }
        return fingerprints
    }

    /// The Modelfiles whose content on disk differs from `recorded`, each named by its file as a person edits it:
    /// "models/advisor.Modelfile (the Modelfile of advisor)".
    package func changedModelfiles(since recorded: [String: String]) -> [String] {
        let current = modelfileFingerprints()
        return models.filter { recorded[ReportFormatting.modelKey($0.name)] != current[ReportFormatting.modelKey($0.name)] }.map { model in
            "\(model.modelfile?.relativePath ?? "the Modelfile") (the Modelfile of \(model.name))"
        }
    }
}
