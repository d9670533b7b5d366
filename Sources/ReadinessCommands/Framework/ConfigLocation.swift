/// `--config` and `--state` as a command read them: which readiness.json, and where the fleet's state lives.
struct ConfigLocation: Sendable {
    /// `--config`, else READINESS_CONFIG, else readiness.json found as `LoadedConfig.load` says.
    var file: String?
    /// `--state`, else READINESS_STATE_DIR, else `.readiness` beside readiness.json.
    var state: String?

    /// Reads `config` (`CommonOptions.config`, or `check`'s) and `CommonOptions.state`.
    init(_ arguments: ParsedArguments, config: Option<String?> = CommonOptions.config) throws {
        file = try arguments.value(config)
        state = try arguments.value(CommonOptions.state)
    }

    /// A readiness.json with the default state folder, for commands that do not touch the state.
    init(file: String?) {
        self.file = file
    }

    /// The options `init(_:config:)` reads.
    static let arguments: [any DeclaredArgument] = [CommonOptions.config, CommonOptions.state]
}
