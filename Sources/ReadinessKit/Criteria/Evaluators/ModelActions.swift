import Foundation

/// The commands that fix a model or a script, and paths written the way a user would type them.
///
/// Every name, path and prompt in a command goes through `ShellQuoting.quote`: these lines are pasted into a
/// shell, and a model name, path or prompt from readiness.json must arrive there as data, never as code.
package enum ModelActions {
    /// The command that builds `model`: `ollama create NAME -f <modelfile>`, or `ollama pull NAME` when
    /// readiness.json gives no Modelfile (the model then has to come from a registry).
    package static func build(_ model: ReadinessConfig.Model) -> String {
        guard let modelfile = model.modelfile else { return "ollama pull \(q(model.name))" }
        return "ollama create \(q(model.name)) -f \(q(displayPath(modelfile)))"
    }

    /// `ollama show --modelfile NAME > PATH`: captures a deployed model's Modelfile (a backup, a config).
    package static func captureModelfile(_ model: String, to path: String) -> String {
        "ollama show --modelfile \(q(model)) > \(q(path))"
    }

    /// `readiness backup --config FILE --model NAME`: a verified backup of one model, as the step gate wants it.
    package static func backup(_ model: String, config: URL) -> String {
        "readiness backup --config \(q(displayPath(config))) --model \(q(model))"
    }

    /// `ollama run NAME PROMPT`: asks the model one prompt by hand.
    package static func run(_ model: String, prompt: String) -> String {
        "ollama run \(q(model)) \(q(prompt))"
    }

    /// `chmod +x PATH`.
    package static func makeExecutable(_ path: String) -> String {
        "chmod +x \(q(path))"
    }

    /// `bash -n PATH`: checks a script's syntax without running it.
    package static func checkSyntax(_ path: String) -> String {
        "bash -n \(q(path))"
    }

    /// `url` relative to the current directory when it lies inside it (e.g. "fixtures/mirador/x.Modelfile"),
    /// else its absolute path.
    package static func displayPath(_ url: URL, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = url.standardizedFileURL.path
        let base = currentDirectory.hasSuffix("/") ? currentDirectory : currentDirectory + "/"
        return path.hasPrefix(base) && path.count > base.count ? String(path.dropFirst(base.count)) : path
    }

    private static func q(_ word: String) -> String { ShellQuoting.quote(word) }
}
