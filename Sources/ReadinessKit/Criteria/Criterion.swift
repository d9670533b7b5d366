/// A readiness criterion of the seed's "Success Criteria for Phase 2 Readiness": its id, title, area and severity.
///
/// The catalog (`Criterion.all`) is the one place these are written; evaluators build their results from it,
/// so an id or a severity cannot differ between the suites, the runner and the reports.
public struct Criterion: Sendable, Hashable, Identifiable, CustomStringConvertible {
    /// Stable identifier, e.g. `models-available`.
    public let id: String
    /// Human title, e.g. "All critical models available in Ollama".
    public let title: String
    public let area: CriterionResult.Area
    public let severity: CriterionResult.Severity
    /// Whether the criterion needs a reachable Ollama to be decided.
    public let needsOllama: Bool
    /// Whether the criterion records one result per critical model (else one for the fleet).
    public let isPerModel: Bool

    public var description: String { id }

    /// Describes a criterion; the catalog's are in `Criterion.all`, and users may define their own.
    public init(
        id: String, title: String, area: CriterionResult.Area, severity: CriterionResult.Severity,
        needsOllama: Bool, isPerModel: Bool
    ) {
        self.id = id
        self.title = title
        self.area = area
        self.severity = severity
        self.needsOllama = needsOllama
        self.isPerModel = isPerModel
    }

    /// Builds a result of this criterion, filling in its id, title, area and severity.
    public func result(
        model: String? = nil, passed: Bool, measured: Double? = nil, threshold: CriterionResult.Threshold? = nil,
        message: String, actions: [String] = [], metrics: [String: Double] = [:]
    ) -> CriterionResult {
        CriterionResult(
            id: id, title: title, area: area, severity: severity, model: model, passed: passed,
            measured: measured, threshold: threshold, message: message, actions: actions, metrics: metrics
        )
    }

    /// A failed result saying why the criterion could not be decided (config error, Ollama unreachable, …).
    public func failure(model: String? = nil, _ error: any Error) -> CriterionResult {
        let fix = (error as? CriterionError)?.action
        return result(model: model, passed: false, message: "\(error)", actions: fix.map { [$0] } ?? [])
    }

    /// The criterion with this id, if it is in the catalog.
    public static func named(_ id: String) -> Criterion? {
        all.first { $0.id == id }
    }
}

extension Criterion {
    /// Every criterion, in the order of DESIGN.md's table.
    public static let all: [Criterion] = [
        .modelsAvailable, .modelsRespond, .successRate, .responseTime, .quality, .backupScripts,
        .configs, .ollamaService, .diskSpace, .migrationScripts, .docs,
    ]

    /// All critical models present in Ollama (`/api/tags`, Ollama's name:tag rules).
    public static let modelsAvailable = Criterion(
        id: "models-available", title: "All critical models available in Ollama",
        area: .availability, severity: .critical, needsOllama: true, isPerModel: true
    )
    /// Every critical model answers every test prompt.
    public static let modelsRespond = Criterion(
        id: "models-respond", title: "All critical models respond to test queries",
        area: .functionality, severity: .critical, needsOllama: true, isPerModel: true
    )
    /// Success rate over all test queries above the threshold.
    public static let successRate = Criterion(
        id: "success-rate", title: "Performance testing success rate",
        area: .performance, severity: .critical, needsOllama: true, isPerModel: false
    )
    /// Average response time below the threshold.
    public static let responseTime = Criterion(
        id: "response-time", title: "Average response time",
        area: .performance, severity: .critical, needsOllama: true, isPerModel: true
    )
    /// Quality score above the threshold, per model.
    public static let quality = Criterion(
        id: "quality", title: "Answer quality score",
        area: .performance, severity: .critical, needsOllama: true, isPerModel: true
    )
    /// Backup scripts exist, are executable and pass `bash -n`.
    public static let backupScripts = Criterion(
        id: "backup-scripts", title: "Backup scripts available and executable",
        area: .backup, severity: .critical, needsOllama: false, isPerModel: false
    )
    /// Optimized configurations exist, parse and match the deployed models.
    public static let configs = Criterion(
        id: "configs", title: "Optimized configurations match the deployed models",
        area: .config, severity: .critical, needsOllama: true, isPerModel: true
    )
    /// Ollama answers `/api/version`, at least the minimum version.
    public static let ollamaService = Criterion(
        id: "ollama-service", title: "Ollama service running properly",
        area: .systemHealth, severity: .critical, needsOllama: true, isPerModel: false
    )
    /// The disk holding the models is used less than the threshold.
    public static let diskSpace = Criterion(
        id: "disk-space", title: "Disk space for models",
        area: .systemHealth, severity: .recommended, needsOllama: false, isPerModel: false
    )
    /// Migration scripts exist, are executable and their dry run succeeds.
    public static let migrationScripts = Criterion(
        id: "migration-scripts", title: "Migration scripts tested",
        area: .migration, severity: .recommended, needsOllama: false, isPerModel: false
    )
    /// Documentation exists, is non-empty and is newer than the models it describes.
    public static let docs = Criterion(
        id: "docs", title: "Documentation complete and current",
        area: .documentation, severity: .recommended, needsOllama: false, isPerModel: false
    )
}
