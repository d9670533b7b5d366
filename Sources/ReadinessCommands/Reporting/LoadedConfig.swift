import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// readiness.json as a command found it: the config, or the problem that makes every report UNDECIDED.
struct LoadedConfig {
    var config: ReadinessConfig?
    var problem: RunProblem?
    /// The file that was (or would have been) read.
    var file: URL

    /// Loads `--config` if given, else READINESS_CONFIG, else `readiness.json` in `defaultFolder`, with the
    /// state folder of `--state` if given, else READINESS_STATE_DIR, else `.readiness` beside it.
    /// - Parameters:
    ///   - location: The `--config` and `--state` values, relative to the working directory.
    ///   - ollama: The `--ollama` values: the i-th replaces the i-th host of readiness.json, and there must be one
    ///     per host (`environment(ollama:)`); none leaves the hosts to the environment and the file.
    ///   - defaultFolder: Where readiness.json is looked for when neither names a file (the readiness package for
    ///     `check`); by default the working directory when it holds one, else the nearest readiness package.
    static func load(_ location: ConfigLocation, ollama: [String], defaultFolder: URL? = nil, context: RunnerContext) -> LoadedConfig {
        var environment = context.environment.merging(Self.environment(ollama: ollama)) { _, new in new }
        if let path = location.file { environment["READINESS_CONFIG"] = path }
        // The state folder is relative to the working directory, which the config loader does not know.
        if let state = location.state ?? environment[ReadinessConfig.stateFolderVariable], !state.isEmpty {
            environment[ReadinessConfig.stateFolderVariable] = context.url(state, isDirectory: true).standardizedFileURL.path
        }
        // A named file is relative to the working directory; the default one lives in `defaultFolder`.
        let named = !(environment["READINESS_CONFIG"] ?? "").isEmpty
        let folder = named ? context.currentDirectory : defaultFolder ?? fleetFolder(context)
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

    /// The working directory when it holds readiness.json, else the nearest readiness package (as `check`
    /// finds it) when that does, else the working directory (whose missing readiness.json is then reported).
    private static func fleetFolder(_ context: RunnerContext) -> URL {
        let here = context.currentDirectory
        guard !FileManager.default.fileExists(atPath: here.appendingPathComponent("readiness.json").path),
              let package = try? PackageLocator.locate(nil, context: context),
              FileManager.default.fileExists(atPath: package.appendingPathComponent("readiness.json").path)
        else { return here }
        return package
    }

    /// The variables that hand `--ollama` values on, to the config here and to `swift test`: the list as
    /// READINESS_OLLAMA_HOSTS, and a single one as OLLAMA_HOST too (as before several hosts existed).
    static func environment(ollama: [String]) -> [String: String] {
        guard !ollama.isEmpty else { return [:] }
        var variables = [ReadinessConfig.hostsVariable: ollama.joined(separator: ",")]
        if ollama.count == 1 { variables["OLLAMA_HOST"] = ollama[0] }
        return variables
    }

    /// `load(_:ollama:context:)` for a command that acts on one Ollama (perf and the fleet commands): `--ollama`,
    /// else OLLAMA_HOST for a one-host config, else the first of `ollama.hosts`.
    /// - Parameter severalHostsRefusal: When given, a config of several hosts without `--ollama` is the problem it
    ///   words for their number, instead of its first host (for a command that must not judge one host for all).
    static func loadForOneHost(_ path: ConfigLocation, ollama: String?, severalHostsRefusal: ((Int) -> String)? = nil, context: RunnerContext) -> LoadedConfig {
        var loaded = load(path, ollama: [], context: context)
        guard var config = loaded.config else { return loaded }
        if let ollama {
            guard let url = (try? OllamaHost(parsing: ollama))?.connectable.url else {
                let problem = RunProblem(
                    .config, "--ollama '\(OllamaHost.redacted(ollama))' is not an Ollama host",
                    action: "Give it as '127.0.0.1:11434' or 'http://host:port'."
                )
                return LoadedConfig(problem: problem, file: loaded.file)
            }
            config.ollama.host = url
        } else {
            if let severalHostsRefusal, config.ollama.hosts.count > 1 {
                return LoadedConfig(problem: RunProblem(.config, severalHostsRefusal(config.ollama.hosts.count), action: "Give --ollama URL."), file: loaded.file)
            }
            config.ollama.hosts = [config.ollama.hosts[0]]
        }
        loaded.config = config
        return loaded
    }

    /// The context a report of this config is built in.
    func reportContext(
        gate: String, events: String, attachments: [String], runnerProblems: [RunProblem] = [], shard: Shard? = nil, context: RunnerContext
    ) -> ReadinessReport.Context {
        ReadinessReport.Context(
            config: config, configProblem: problem, gateName: gate,
            locator: AttachmentLocator(directories: attachments.map { context.url($0, isDirectory: true) }),
            runnerProblems: runnerProblems, eventsPath: events,
            configPath: ModelActions.displayPath(file, currentDirectory: context.currentDirectory.path),
            generatedAt: context.now(), toolVersion: ToolVersion.current, shard: shard
        )
    }
}
