import OllamaKit

/// What one test query of the performance run measured.
public struct QueryOutcome: Sendable, Equatable {
    /// The model as readiness.json names it.
    public var model: String
    public var prompt: String
    /// 1-based round of the run.
    public var round: Int
    /// Why the query failed (Ollama's error, a timeout, an empty answer); `nil` when it succeeded.
    public var failure: String?
    /// Whether it failed because Ollama does not have the model (so the fix is to build it).
    public var modelMissing: Bool
    /// The answer text (possibly partial when the query failed).
    public var answer: String
    /// Wall time of the request in seconds, from sending it to the last byte.
    public var latency: Double?
    /// Seconds from sending the request to the first answer token.
    public var timeToFirstToken: Double?
    /// Generated tokens per second of evaluation (`eval_count / eval_duration`).
    public var tokensPerSecond: Double?
    /// Seconds Ollama spent loading the model (`load_duration`).
    public var loadSeconds: Double?
    /// The answer's quality; all zero for a failed query.
    public var quality: QualityScore

    public var succeeded: Bool { failure == nil }

    public init(
        model: String, prompt: String, round: Int, failure: String?, modelMissing: Bool = false, answer: String,
        latency: Double?, timeToFirstToken: Double?, tokensPerSecond: Double?, loadSeconds: Double?, quality: QualityScore
    ) {
        self.model = model
        self.prompt = prompt
        self.round = round
        self.failure = failure
        self.modelMissing = modelMissing
        self.answer = answer
        self.latency = latency
        self.timeToFirstToken = timeToFirstToken
        self.tokensPerSecond = tokensPerSecond
        self.loadSeconds = loadSeconds
        self.quality = quality
    }
}

/// Every query of a performance run, with per-model summaries.
public struct PerformanceReport: Sendable, Equatable {
    /// The queries in the order they were planned: model by model, round by round, prompt by prompt.
    public var queries: [QueryOutcome] {
        didSet { byModel = Self.group(queries) }
    }
    /// Positions in `queries` by model identity, so each model's queries are a lookup, not a scan of all.
    private var byModel: [String: [Int]]

    public init(queries: [QueryOutcome]) {
        self.queries = queries
        byModel = Self.group(queries)
    }

    /// The queries sent to `model` (matched by Ollama's name rules).
    public func queries(for model: String) -> [QueryOutcome] {
        (ModelName.identity(of: model).flatMap { byModel[$0] } ?? []).map { queries[$0] }
    }

    private static func group(_ queries: [QueryOutcome]) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for (position, query) in queries.enumerated() {
            if let key = ModelName.identity(of: query.model) { groups[key, default: []].append(position) }
        }
        return groups
    }

    /// The statistics of `model`'s queries.
    public func summary(for model: String) -> PerformanceSummary {
        PerformanceSummary(queries(for: model))
    }

    /// The statistics of every query.
    public var fleet: PerformanceSummary { PerformanceSummary(queries) }
}

/// Statistics over a set of queries. Timings are taken from successful queries only (a failed query has no
/// meaningful latency); the success rate and the quality average count every query, failed ones scoring 0.
public struct PerformanceSummary: Sendable, Equatable {
    public var queries: Int
    public var failures: Int
    /// Successful queries / all queries; 0 when there are none.
    public var successRate: Double
    public var latencyAverage: Double?
    /// Nearest-rank percentiles (`Statistics.percentile`).
    public var latencyP50: Double?
    public var latencyP95: Double?
    public var timeToFirstTokenAverage: Double?
    public var tokensPerSecondAverage: Double?
    public var loadAverage: Double?
    /// Mean quality over all queries; 0 when there are none.
    public var quality: Double

    public init(_ outcomes: [QueryOutcome]) {
        let succeeded = outcomes.filter(\.succeeded)
        let latencies = succeeded.compactMap(\.latency)
        queries = outcomes.count
        failures = outcomes.count - succeeded.count
        successRate = outcomes.isEmpty ? 0 : Double(succeeded.count) / Double(outcomes.count)
        latencyAverage = Statistics.mean(latencies)
        latencyP50 = Statistics.percentile(50, of: latencies)
        latencyP95 = Statistics.percentile(95, of: latencies)
        timeToFirstTokenAverage = Statistics.mean(succeeded.compactMap(\.timeToFirstToken))
        tokensPerSecondAverage = Statistics.mean(succeeded.compactMap(\.tokensPerSecond))
        loadAverage = Statistics.mean(succeeded.compactMap(\.loadSeconds))
        quality = QualityScore.average(outcomes.map(\.quality))
    }

    /// The measured values under `CriterionResult.Metric` keys (absent values are left out).
    public var metrics: [String: Double] {
        typealias Metric = CriterionResult.Metric
        let optional: [(String, Double?)] = [
            (Metric.latencyAverage, latencyAverage), (Metric.latencyP50, latencyP50), (Metric.latencyP95, latencyP95),
            (Metric.timeToFirstToken, timeToFirstTokenAverage), (Metric.tokensPerSecond, tokensPerSecondAverage),
            (Metric.loadTime, loadAverage),
        ]
        var metrics: [String: Double] = [
            Metric.queries: Double(queries), Metric.failures: Double(failures),
            Metric.successRate: successRate, Metric.quality: quality,
        ]
        for case let (key, value?) in optional { metrics[key] = value }
        return metrics
    }
}
