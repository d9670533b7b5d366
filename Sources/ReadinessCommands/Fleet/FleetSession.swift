import Foundation
import OllamaKit
import ReadinessKit

/// What the commands that inspect or change the fleet share: readiness.json, loaded, and one client for its
/// Ollama (`--ollama`, else OLLAMA_HOST, else the file's host).
struct FleetSession {
    let config: ReadinessConfig
    let client: OllamaClient

    /// `--config` and `--ollama`, as every fleet command takes them.
    static let arguments: [ArgumentSpec] = [
        .option("--config", "FILE", help: "readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)"),
        .option("--ollama", "URL", help: "the Ollama to use (default: OLLAMA_HOST, else the config's host)"),
    ]

    /// Loads the config; on failure prints why.
    /// - Returns: The session, or `nil` after printing the config error (the caller exits 2).
    static func open(_ arguments: ParsedArguments, context: RunnerContext) -> FleetSession? {
        let loaded = LoadedConfig.load(arguments.value("--config"), ollama: arguments.value("--ollama"), context: context)
        guard let config = loaded.config else {
            context.error(loaded.problem?.message ?? "no configuration")
            return nil
        }
        let evidence = OllamaEvidence(config: config)
        return FleetSession(config: config, client: evidence.client)
    }
}
