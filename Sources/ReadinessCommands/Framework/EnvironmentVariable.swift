/// An environment variable a command reads, as its `--help` and man page describe it.
struct EnvironmentVariable: Sendable, Equatable {
    var name: String
    var help: String

    /// readiness.json when `--config` is not given.
    static let readinessConfig = EnvironmentVariable(
        name: "READINESS_CONFIG", help: "readiness.json to use when --config is not given"
    )
    /// The state folder when `--state` is not given.
    static let readinessStateDir = EnvironmentVariable(
        name: "READINESS_STATE_DIR", help: "the state folder when --state is not given; a CI job hands it to the next"
    )
    /// The one Ollama of a one-host readiness.json when `--ollama` is not given.
    static let ollamaHost = EnvironmentVariable(
        name: "OLLAMA_HOST", help: "the Ollama of a one-host readiness.json when --ollama is not given (ignored by a config of several hosts)"
    )
    /// Ollama's models folder, whose free space the disk criterion checks.
    static let ollamaModels = EnvironmentVariable(
        name: "OLLAMA_MODELS", help: "Ollama's models folder for the disk-space criterion (default: ~/.ollama/models, or readiness.json's)"
    )
    /// Set to `true` by GitHub Actions: failed criteria are also printed as annotations.
    static let githubActions = EnvironmentVariable(
        name: "GITHUB_ACTIONS", help: "when 'true' (as on GitHub Actions), also print ::error annotations for what failed"
    )
    /// GitHub Actions' job summary file: report.md is appended to it.
    static let githubStepSummary = EnvironmentVariable(
        name: "GITHUB_STEP_SUMMARY", help: "when set (as on GitHub Actions), append report.md to this file, the job summary"
    )
}
