import OllamaKit

/// What one test query of the performance run measured.
package struct QueryOutcome: Sendable, Equatable {
    /// The model as readiness.json names it.
    package var model: String
    package var prompt: String
    /// 1-based round of the run.
    package var round: Int
    /// Why the query failed (Ollama's error, a timeout, an empty answer); `nil` when it succeeded.
    package var failure: String?
    /// Whether it failed because Ollama does not have the model (so the fix is to build it).
    package var modelMissing: Bool
    /// The answer text (possibly partial when the query failed).
    package var answer: String
    /// Wall time of the request in seconds, from sending it to the last byte.
    package var latency: Double?
    /// Seconds from sending the request to the first answer token.
    package var timeToFirstToken: Double?
    /// Generated tokens per second of evaluation (`eval_count / eval_duration`).
    package var tokensPerSecond: Double?
    /// Seconds Ollama spent loading the model (`load_duration`).
    package var loadSeconds: Double?
    /// The answer's quality; all zero for a failed query.
    package var quality: QualityScore
    /// What kind of failure `failure` is; `nil` when the query succeeded.
    package var failureKind: FailureKind?
    /// Ollama's own `total_duration` in seconds, beside the client's wall-clock `latency`.
    package var ollamaTotalSeconds: Double?
    /// Seconds the client waited before giving up or failing (the timeout for a timeout); `nil` on success.
    package var failedAfter: Double?

    package var succeeded: Bool { failure == nil }

    package init(
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
        self.failureKind = failure == nil ? nil : (modelMissing ? .modelMissing : .other)
    }
}

/// Why a query failed, grouped for reports.
package enum FailureKind: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Ollama could not be reached (connection refused, connect timeout).
    case unreachable
    /// No complete answer within `requestTimeoutSeconds`.
    case timeout
    /// Ollama does not have the model (404).
    case modelMissing
    /// Another HTTP error status.
    case httpStatus(Int)
    /// The stream ended without its final `done` object, or the connection was lost mid-answer.
    case truncatedStream
    /// The answer had no text.
    case emptyAnswer
    /// Anything else (an undecodable answer, an error object in the stream).
    case other

    /// The group label: "unreachable", "timeout", "HTTP 500", "model missing", "truncated stream", ...
    package var description: String {
        switch self {
        case .unreachable: "unreachable"
        case .timeout: "timeout"
        case .modelMissing: "model missing"
        case .httpStatus(let status): "HTTP \(status)"
        case .truncatedStream: "truncated stream"
        case .emptyAnswer: "empty answer"
        case .other: "other"
        }
    }

    /// The kind of a client error.
    package init(_ error: any Error) {
        guard let error = error as? OllamaError else { self = .other; return }
        if error.isModelNotFound {
            self = .modelMissing
        } else if error.isUnreachable {
            self = .unreachable
        } else if error.isTimeout {
            self = .timeout
        } else if error.isTruncation {
            self = .truncatedStream
        } else if let status = error.httpStatus {
            self = .httpStatus(status)
        } else {
            self = .other
        }
    }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let known: [FailureKind] = [.unreachable, .timeout, .modelMissing, .truncatedStream, .emptyAnswer, .other]
        if let kind = known.first(where: { $0.description == text }) {
            self = kind
        } else if text.hasPrefix("HTTP "), let status = Int(text.dropFirst(5)) {
            self = .httpStatus(status)
        } else {
            self = .other
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The warm-up of one model: a generate request without a prompt, which Ollama answers with `done_reason`
/// "load" once the model is in memory. Its time is the model's load time, never part of any latency.
package struct ModelLoad: Sendable, Equatable {
    package var model: String
    /// Ollama's `load_duration` in seconds; `nil` when it was 0 (already loaded) or the request failed.
    package var loadSeconds: Double?
    /// Wall time of the warm-up request in seconds.
    package var wallSeconds: Double
    /// Ollama's `done_reason` ("load" from Ollama and ollama-sim).
    package var doneReason: String?
    package var failure: String?

    package init(model: String, loadSeconds: Double?, wallSeconds: Double, doneReason: String?, failure: String?) {
        self.model = model
        self.loadSeconds = loadSeconds
        self.wallSeconds = wallSeconds
        self.doneReason = doneReason
        self.failure = failure
    }
}

/// Every query of a performance run, with per-model summaries.
package struct PerformanceReport: Sendable, Equatable {
    /// The queries in the order they were planned: model by model, round by round, prompt by prompt.
    package var queries: [QueryOutcome] {
        didSet { byModel = Self.group(queries) }
    }
    /// Positions in `queries` by model identity, so each model's queries are a lookup, not a scan of all.
    private var byModel: [String: [Int]]
    /// The warm-up of each model, in plan order (empty when the run did not warm up).
    package var loads: [ModelLoad]
    /// Responses (warm-ups and queries) whose `load_duration` was above 0: each is a model load Ollama made.
    package var observedLoads: Int
    /// Wall time of the whole run in seconds (monotonic clock), warm-ups included.
    package var wallSeconds: Double

    package init(queries: [QueryOutcome], loads: [ModelLoad] = [], observedLoads: Int = 0, wallSeconds: Double = 0) {
        self.queries = queries
        byModel = Self.group(queries)
        self.loads = loads
        self.observedLoads = observedLoads
        self.wallSeconds = wallSeconds
    }

    /// The fewest loads the run could have made: one per model whose warm-up succeeded.
    package var minimumLoads: Int { loads.filter { $0.failure == nil }.count }

    /// The failed queries by kind, most frequent first.
    package func failureGroups(_ outcomes: [QueryOutcome]? = nil) -> [(kind: FailureKind, count: Int)] {
        let counts = Dictionary(grouping: (outcomes ?? queries).compactMap(\.failureKind), by: { $0 }).mapValues(\.count)
        return counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.kind.description) < ($0.count, $1.kind.description) }
    }

    /// The queries sent to `model` (matched by Ollama's name rules).
    package func queries(for model: String) -> [QueryOutcome] {
        (ModelName.identity(of: model).flatMap { byModel[$0] } ?? []).map { queries[$0] }
    }

    private static func group(_ queries: [QueryOutcome]) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for (position, query) in queries.enumerated() {
            if let key = ModelName.identity(of: query.model) { groups[key, default: []].append(position) }
        }
        return groups
    }

    /// The warm-ups of `model` (matched by Ollama's name rules).
    package func loads(for model: String) -> [ModelLoad] {
        loads.filter { ModelName.matches($0.model, model) }
    }

    /// The statistics of `model`'s queries and warm-up.
    package func summary(for model: String) -> PerformanceSummary {
        PerformanceSummary(queries(for: model), loads: loads(for: model))
    }

    /// The statistics of every query and warm-up.
    package var fleet: PerformanceSummary { PerformanceSummary(queries, loads: loads) }

    /// Each (model, prompt) of the run with whether it passed the k-of-n rule: at least `k` of its rounds
    /// succeeded. In plan order.
    package func prompts(passing k: Int) -> [PromptRounds] {
        var order: [String] = []
        var groups: [String: [QueryOutcome]] = [:]
        for query in queries {
            let key = "\(query.model)\u{0}\(query.prompt)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(query)
        }
        return order.map { key in
            let rounds = groups[key]!
            return PromptRounds(model: rounds[0].model, prompt: rounds[0].prompt, rounds: rounds, required: k)
        }
    }
}

/// One test prompt of one model over its rounds, judged by the k-of-n rule.
package struct PromptRounds: Sendable, Equatable {
    package var model: String
    package var prompt: String
    package var rounds: [QueryOutcome]
    /// The k: how many rounds must succeed.
    package var required: Int

    package var succeeded: Int { rounds.count(where: \.succeeded) }
    package var passed: Bool { Statistics.atLeast(required, of: rounds.map(\.succeeded)) }
}

/// Statistics over a set of queries. Timings are taken from successful queries only (a failed query has no
/// meaningful latency); the success rate and the quality average count every query, failed ones scoring 0.
package struct PerformanceSummary: Sendable, Equatable {
    package var queries: Int
    package var failures: Int
    /// Successful queries / all queries; 0 when there are none.
    package var successRate: Double
    package var latencyAverage: Double?
    package var latencyMin: Double?
    package var latencyMax: Double?
    /// Nearest-rank percentiles (`Statistics.percentile`): always a measured latency, never an interpolation.
    package var latencyP50: Double?
    package var latencyP95: Double?
    package var latencyP99: Double?
    package var timeToFirstTokenAverage: Double?
    package var tokensPerSecondAverage: Double?
    package var loadAverage: Double?
    /// Mean quality over all queries; 0 when there are none.
    package var quality: Double

    /// - Parameters:
    ///   - outcomes: The queries.
    ///   - loads: The warm-ups: their load times join the queries' own `load_duration`s in `loadAverage`.
    package init(_ outcomes: [QueryOutcome], loads: [ModelLoad] = []) {
        let succeeded = outcomes.filter(\.succeeded)
        let latencies = succeeded.compactMap(\.latency)
        queries = outcomes.count
        failures = outcomes.count - succeeded.count
        successRate = outcomes.isEmpty ? 0 : Double(succeeded.count) / Double(outcomes.count)
        latencyAverage = Statistics.mean(latencies)
        latencyP50 = Statistics.percentile(50, of: latencies)
        latencyP95 = Statistics.percentile(95, of: latencies)
        latencyP99 = Statistics.percentile(99, of: latencies)
        (latencyMin, latencyMax) = (Statistics.range(latencies)?.min, Statistics.range(latencies)?.max)
        timeToFirstTokenAverage = Statistics.mean(succeeded.compactMap(\.timeToFirstToken))
        tokensPerSecondAverage = Statistics.mean(succeeded.compactMap(\.tokensPerSecond))
        loadAverage = Statistics.mean(loads.compactMap(\.loadSeconds) + succeeded.compactMap(\.loadSeconds))
        quality = QualityScore.average(outcomes.map(\.quality))
    }

    /// The measured values under `CriterionResult.Metric` keys (absent values are left out).
    package var metrics: [String: Double] {
        typealias Metric = CriterionResult.Metric
        let optional: [(String, Double?)] = [
            (Metric.latencyAverage, latencyAverage), (Metric.latencyP50, latencyP50), (Metric.latencyP95, latencyP95),
            (Metric.latencyP99, latencyP99), (Metric.latencyMin, latencyMin), (Metric.latencyMax, latencyMax),
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
