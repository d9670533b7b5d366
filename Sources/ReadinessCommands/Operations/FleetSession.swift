import FleetKit
import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// What the commands that change the fleet share: the loaded readiness.json, its Ollama, its state files,
/// and the history they append to.
struct FleetSession {
    var config: ReadinessConfig
    var files: StateFiles
    var client: OllamaClient
    var context: RunnerContext

    /// `--config` and `--ollama`, as the fleet commands take them.
    static let arguments: [any DeclaredArgument] = ConfigLocation.arguments + [CommonOptions.ollama]

    /// The values of `arguments` as a fleet command read them.
    struct Target: Sendable {
        var config: ConfigLocation
        var ollama: String?

        init(_ arguments: ParsedArguments) throws {
            config = try ConfigLocation(arguments)
            ollama = try arguments.value(CommonOptions.ollama)
        }
    }

    /// `open(config:ollama:context:)` with the values of `arguments`.
    static func open(_ target: Target, context: RunnerContext) -> FleetSession? {
        open(config: target.config, ollama: target.ollama, context: context)
    }

    /// Loads readiness.json (`--config`, READINESS_CONFIG, else ./readiness.json) with `--ollama` applied.
    /// - Parameter severalHostsRefusal: See `LoadedConfig.loadForOneHost`.
    /// - Returns: `nil` after printing why on stderr.
    static func open(config path: ConfigLocation, ollama: String?, severalHostsRefusal: ((Int) -> String)? = nil, context: RunnerContext) -> FleetSession? {
        let loaded = LoadedConfig.loadForOneHost(path, ollama: ollama, severalHostsRefusal: severalHostsRefusal, context: context)
        guard let config = loaded.config else {
            context.error(loaded.problem?.message ?? "no configuration")
            return nil
        }
        let client = OllamaClient(.init(baseURL: config.ollama.host, requestTimeout: .seconds(config.thresholds.requestTimeoutSeconds)))
        return FleetSession(config: config, files: StateFiles(folder: config.stateFolder), client: client, context: context)
    }

    /// A session of an already loaded config, for commands that only record history (check, gate).
    init(config: ReadinessConfig, context: RunnerContext) {
        self.init(config: config, files: StateFiles(folder: config.stateFolder), client: OllamaClient(.init(baseURL: config.ollama.host)), context: context)
    }

    init(config: ReadinessConfig, files: StateFiles, client: OllamaClient, context: RunnerContext) {
        self.config = config
        self.files = files
        self.client = client
        self.context = context
    }

    /// The Ollama this session acts on, redacted, as reports and migration.json name it.
    var hostLabel: String { config.ollama.redactedHosts[0] }

    /// `url` as the user would type it: relative to the working directory when inside it.
    func display(_ url: URL) -> String {
        ModelActions.displayPath(url, currentDirectory: context.currentDirectory.path)
    }

    /// Ollama's version, or `nil` when it does not answer (the history then records none).
    func ollamaVersion() async -> String? {
        try? await client.version(timeout: .seconds(5)).version
    }

    /// Appends one line to `.readiness/history.jsonl`; a failure is reported on stderr and does not change the
    /// command's outcome (the change itself has happened).
    /// - Parameters:
    ///   - baseline: The "before" metrics of a change (`migrate done`, `watch`), beside `metrics` as the "after".
    ///   - ifStarted: Append only when `.readiness/` exists: `check`, `gate` and `perf` change nothing, so they
    ///     join the history of a fleet that backup, build or migrate started, and leave other folders clean.
    func record(
        _ command: String, outcome: String, metrics: [String: [String: Double]]? = nil, baseline: [String: [String: Double]]? = nil,
        ollamaVersion: String?, changes: [String], ifStarted: Bool = false
    ) {
        if ifStarted, !FileManager.default.fileExists(atPath: files.folder.path) { return }
        let entry = HistoryEntry(
            time: Timestamp.iso8601(context.now()), command: command, outcome: outcome, metrics: metrics, baseline: baseline,
            toolVersion: ToolVersion.current, ollamaVersion: ollamaVersion, changes: changes
        )
        do {
            try HistoryLog.append(entry, to: files.history)
        } catch {
            context.errorOutput("Warning: \(UntrustedText.consoleLine("\(error)"))\n")
        }
    }
}

extension ReadinessReport {
    /// Model → metrics from `models[]`, for `models` (all when `nil`); models without metrics are left out.
    func metrics(of models: [String]? = nil) -> [String: [String: Double]] {
        var metrics: [String: [String: Double]] = [:]
        for model in self.models where !model.metrics.isEmpty {
            if let models, !models.contains(where: { ModelName.matches($0, model.name) }) { continue }
            metrics[model.name] = model.metrics
        }
        return metrics
    }
}
