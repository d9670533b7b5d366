import ReadinessKit

/// The options several commands take, each declared once: same name, same meaning, same help everywhere.
enum CommonOptions {
    /// `--config FILE` of every command but `check`, whose default is the package's readiness.json.
    static let config = Option<String?>.text(
        "--config", "FILE", environment: [.readinessConfig],
        help: "readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)"
    )
    /// `--config FILE` of `check`, which looks for readiness.json in the readiness package.
    static let packageConfig = Option<String?>.text(
        "--config", "FILE", environment: [.readinessConfig],
        help: "readiness.json to use (default: READINESS_CONFIG, else the readiness package's readiness.json)"
    )
    /// `--ollama URL` of the commands that act on one Ollama.
    static let ollama = Option<String?>.text(
        "--ollama", "URL", environment: [.ollamaHost],
        help: "the Ollama to use (default: OLLAMA_HOST for a one-host readiness.json, else its first host)"
    )
    /// `--ollama URL...` of the commands that judge every host of readiness.json.
    static let ollamaHosts = RepeatedOption(
        "--ollama", "URL", environment: [.ollamaHost],
        help: "an Ollama to check, one per host of readiness.json in its order, replacing them (default: OLLAMA_HOST for a one-host readiness.json, else its hosts)"
    )
    /// `--out DIR`: where check, report and merge write the reports and gate and migrate read them.
    static let reportFolder = Option<String>.text(
        "--out", "DIR", default: "readiness-report",
        help: "folder of the reports, written by check, report and merge, read by gate and migrate (default: readiness-report)"
    )
    /// `--gate NAME` of the commands that decide a gate.
    static let gate = Option<String>.text(
        "--gate", "NAME", default: ReadinessConfig.defaultGate.name,
        help: "gate of readiness.json to decide (default: \(ReadinessConfig.defaultGate.name))"
    )
    /// `--attachments DIR...` of the commands that read an event stream.
    static let attachments = RepeatedOption(
        "--attachments", "DIR", help: "folder holding the attachments of EVENTS.jsonl; repeat for several (default: the paths it records)"
    )
}

extension CommonOptions {
    /// `--state DIR` of every command that reads or writes the fleet's state (migration, history, backups).
    static let state = Option<String?>.text(
        "--state", "DIR", environment: [.readinessStateDir],
        help: "the fleet's state folder: migration.json, history.jsonl, backups (default: READINESS_STATE_DIR, else .readiness beside readiness.json)"
    )
}
