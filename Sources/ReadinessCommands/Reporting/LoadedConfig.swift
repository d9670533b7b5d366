import Foundation
import OllamaKit
import ReadinessKit

/// readiness.json as a command found it: the config, or the problem that makes every report UNDECIDED.
struct LoadedConfig {
    var config: ReadinessConfig?
    var problem: RunProblem?
    /// The file that was (or would have been) read.
    var file: URL

    /// Loads `--config` if given, else READINESS_CONFIG, else `readiness.json` in `defaultFolder`.
    /// - Parameters:
    ///   - path: The `--config` value, relative to the working directory.
    ///   - ollama: The `--ollama` value, which overrides OLLAMA_HOST and the file's host.
    ///   - defaultFolder: Where readiness.json is looked for when neither names a file (the working directory,
    ///     or the readiness package for `check`).
    static func load(_ path: String?, ollama: String?, defaultFolder: URL? = nil, context: RunnerContext) -> LoadedConfig {
        var environment = context.environment
        if let ollama { environment["OLLAMA_HOST"] = ollama }
        if let path { environment["READINESS_CONFIG"] = path }
        // A named file is relative to the working directory; the default one lives in `defaultFolder`.
        let named = !(environment["READINESS_CONFIG"] ?? "").isEmpty
        let folder = named ? context.currentDirectory : defaultFolder ?? context.currentDirectory
        let file = ReadinessConfig.locate(environment: environment, currentDirectory: folder)
        do {
            return LoadedConfig(config: try ReadinessConfig.load(from: file, environment: environment), file: file)
        } catch {
            let problem = RunProblem(
                .config, "the configuration cannot be used: \(error)",
                action: "Fix readiness.json (or pass --config FILE), then run again."
            )
            return LoadedConfig(problem: problem, file: file)
        }
    }

    /// The context a report of this config is built in.
    func reportContext(
        gate: String, events: String, attachments: [String], runnerProblems: [RunProblem] = [], context: RunnerContext
    ) -> ReadinessReport.Context {
        ReadinessReport.Context(
            config: config, configProblem: problem, gateName: gate,
            locator: AttachmentLocator(directories: attachments.map { context.url($0, isDirectory: true) }),
            runnerProblems: runnerProblems, eventsPath: events,
            configPath: ModelActions.displayPath(file, currentDirectory: context.currentDirectory.path),
            generatedAt: context.now(), toolVersion: ToolVersion.current
        )
    }
}
