import Foundation

extension StepGate {
    /// The `<model>.Modelfile` backups found under `backup.directory`: the usable ones, and why the others are not.
    public struct Backups: Sendable, Equatable, ExpressibleByArrayLiteral {
        /// File names of backups that can restore a model.
        public var usable: Set<String>
        /// File name → why no file of that name can restore its model (folder, broken link, empty, no FROM).
        public var rejected: [String: String]

        public init(usable: Set<String>, rejected: [String: String] = [:]) {
            self.usable = usable
            self.rejected = rejected
        }

        public init(arrayLiteral names: String...) {
            self.init(usable: Set(names))
        }
    }

    /// The backups under `directory`, at any depth, each verified: a backup counts only if it is a regular file
    /// (symlinks followed), non-empty, and parses as a Modelfile with a FROM line, because a rollback from an
    /// empty or broken backup destroys the model it was meant to save.
    public static func backupFiles(in directory: URL) -> Backups {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        var backups = Backups(usable: [])
        for case let url as URL in walker where url.pathExtension == "Modelfile" {
            let name = url.lastPathComponent
            if let problem = unusable(url) {
                if !backups.usable.contains(name) { backups.rejected[name] = problem }
            } else {
                backups.usable.insert(name)
                backups.rejected[name] = nil
            }
        }
        return backups
    }

    /// Why the file at `url` cannot restore a model, or `nil` when it can.
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
