import Foundation

/// The commands that fix a model, and paths written the way a user would type them.
public enum ModelActions {
    /// The command that builds `model`: `ollama create NAME -f <modelfile>`, or `ollama pull NAME` when
    /// readiness.json gives no Modelfile (the model then has to come from a registry).
    public static func build(_ model: ReadinessConfig.Model) -> String {
        guard let modelfile = model.modelfile else { return "ollama pull \(model.name)" }
        return "ollama create \(model.name) -f \(displayPath(modelfile))"
    }

    /// `url` relative to the current directory when it lies inside it (e.g. "fixtures/mirador/x.Modelfile"),
    /// else its absolute path.
    public static func displayPath(_ url: URL, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = url.standardizedFileURL.path
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(base) && path.count > base.count ? String(path.dropFirst(base.count)) : path
    }
}
