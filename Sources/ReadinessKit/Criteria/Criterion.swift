/// A readiness criterion: its id, title, area and severity, and, for the catalog's criteria, how it is decided.
///
/// The catalog (`Criterion.all`, Criterion+Catalog.swift) is the one place these are written; evaluators build
/// their results from it, so an id or a severity cannot differ between the suites, the runner and the reports.
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
    /// How `Checklist` decides it; `nil` for a user's criterion, which the closure given to
    /// `ReadinessFixture.check(_:model:_:)` decides instead.
    let evaluation: Evaluation?

    public var description: String { id }

    /// Describes a criterion of your own; decide it with `ReadinessFixture.check(_:model:_:)` and a closure.
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
        self.evaluation = nil
    }

    /// Declares a catalog criterion with its evaluation; whether it is per model follows from the evaluation.
    init(
        id: String, title: String, area: CriterionResult.Area, severity: CriterionResult.Severity,
        needsOllama: Bool, evaluation: Evaluation
    ) {
        self.id = id
        self.title = title
        self.area = area
        self.severity = severity
        self.needsOllama = needsOllama
        self.isPerModel = evaluation.isPerModel
        self.evaluation = evaluation
    }

    // Identity is the description: closures cannot be compared, and a criterion is what its results say it is.
    public static func == (lhs: Criterion, rhs: Criterion) -> Bool {
        (lhs.id, lhs.title, lhs.area, lhs.severity, lhs.needsOllama, lhs.isPerModel)
            == (rhs.id, rhs.title, rhs.area, rhs.severity, rhs.needsOllama, rhs.isPerModel)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    /// Builds a result of this criterion, filling in its id, title, area and severity.
    public func result(
        model: String? = nil, passed: Bool, measured: Double? = nil, threshold: CriterionResult.Threshold? = nil,
        message: String, actions: [String] = [], metrics: [String: Double] = [:], facts: [String: String]? = nil
    ) -> CriterionResult {
        CriterionResult(
            id: id, title: title, area: area, severity: severity, model: model, passed: passed,
            measured: measured, threshold: threshold, message: message, actions: actions, metrics: metrics, facts: facts
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
