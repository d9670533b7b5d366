import Testing

/// Tags of the readiness criteria: a severity and the area (suite) of each criterion.
///
/// Tags are for reading reports, not for selecting tests: `swift test` 6.3 cannot filter by tag, so select the
/// readiness suites by module or suite name (`--filter Readiness`, `--filter Readiness.Performance`).
extension Tag {
    /// A criterion whose failure makes a gate NOT READY.
    @Tag public static var critical: Self
    /// A criterion whose failure is a warning.
    @Tag public static var recommended: Self
    /// Models present in Ollama.
    @Tag public static var availability: Self
    /// Models answer the test prompts.
    @Tag public static var functionality: Self
    /// Success rate, response time and quality.
    @Tag public static var performance: Self
    /// Backup scripts.
    @Tag public static var backup: Self
    /// Optimized configurations and drift.
    @Tag public static var config: Self
    /// Ollama service and disk.
    @Tag public static var systemHealth: Self
    /// Migration scripts.
    @Tag public static var migration: Self
    /// Documentation.
    @Tag public static var documentation: Self
}
