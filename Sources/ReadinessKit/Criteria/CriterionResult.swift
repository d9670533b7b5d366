import Foundation

/// The outcome of one readiness criterion, as a suite records it (a JSON attachment named
/// `<id>[.<model>].criterion.json`, parts percent-encoded) and as the runner reads it back to build reports and verdicts.
///
/// A criterion parameterized over models records one result per model (`model` set); the runner
/// merges the results that share an `id` into one criterion with per-model rows.
public struct CriterionResult: Codable, Sendable, Equatable {
    /// The version of this JSON shape; the runner refuses results of a version it does not know.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Stable identifier, e.g. `models-available` (the README's criteria table).
    public var id: String
    /// Human title, e.g. "All critical models available in Ollama".
    public var title: String
    public var area: Area
    public var severity: Severity
    /// The model this result is about, for per-model criteria; `nil` for fleet-wide ones.
    public var model: String?
    public var passed: Bool
    /// What was measured, e.g. 0.5 (success rate) or 12.3 (seconds); `nil` when nothing numeric applies.
    public var measured: Double?
    /// The bar the measurement is held to.
    public var threshold: Threshold?
    /// One sentence saying what was found, e.g. "financial_planning_expert_v6 is missing".
    public var message: String
    /// What to do about it, e.g. "ollama create financial_planning_expert_v6 -f modelfiles/…".
    public var actions: [String]
    /// Named numbers for reports and charts; well-known keys are in `Metric`.
    public var metrics: [String: Double]
    /// Named facts the evaluator knew, for reports to read instead of parsing `message`; well-known keys are
    /// in `Fact`. Optional so that results recorded before facts existed still decode.
    public var facts: [String: String]?
    /// The Ollama host this result is about (redacted, as `OllamaHost.redacted` prints it) when the fleet is
    /// behind several hosts; `nil` with one host, and for criteria that do not ask Ollama.
    public var host: String?
    /// The shard of a sharded check that recorded it, e.g. "2/3"; `nil` for an unsharded check.
    public var shard: String?

    public init(
        id: String, title: String, area: Area, severity: Severity, model: String? = nil,
        passed: Bool, measured: Double? = nil, threshold: Threshold? = nil, message: String,
        actions: [String] = [], metrics: [String: Double] = [:], facts: [String: String]? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.id = id
        self.title = title
        self.area = area
        self.severity = severity
        self.model = model
        self.passed = passed
        self.measured = measured
        self.threshold = threshold
        self.message = message
        self.actions = actions
        self.metrics = metrics
        self.facts = facts
    }

    /// The attachment file name the runner looks for: `<id>.criterion.json`, `<id>.<model>.criterion.json`, or with
    /// a host `<id>.<model or nothing>.<host>.criterion.json`, each part encoded by `encodeAttachmentPart(_:)`
    /// (see CriterionResult+AttachmentName.swift).
    public var attachmentName: String {
        Self.attachmentName(id: id, model: model, host: host)
    }

    /// Every criterion attachment ends with this, so the runner can tell them from other attachments.
    public static let attachmentSuffix = ".criterion.json"
}

extension CriterionResult {
    /// The part of the readiness check a criterion belongs to (one suite each).
    public enum Area: String, Codable, Sendable, CaseIterable {
        /// Models present in Ollama.
        case availability
        /// Models answer the test prompts.
        case functionality
        /// Success rate, response time and quality under the performance run.
        case performance
        /// Backup scripts and backups.
        case backup
        /// Optimized configurations (Modelfiles) and drift from the deployed models.
        case config
        /// Ollama service and disk.
        case systemHealth = "system-health"
        /// Migration scripts and their dry run.
        case migration
        /// Documentation present and current.
        case documentation
    }

    /// How much a criterion weighs in a verdict.
    public enum Severity: String, Codable, Sendable {
        /// Must pass: a failure makes the gate NOT READY.
        case critical
        /// Should pass: a failure is a warning and does not block a gate.
        case recommended
    }

    /// A bar a measurement is compared with, e.g. `> 0.8` or `< 30 s`.
    public struct Threshold: Codable, Sendable, Equatable {
        /// How the measurement must compare with `value` to pass.
        public enum Comparison: String, Codable, Sendable {
            /// Strictly greater than `value`.
            case greaterThan = ">"
            /// Greater than or equal to `value`.
            case atLeast = ">="
            /// Strictly less than `value`.
            case lessThan = "<"
            /// Less than or equal to `value`.
            case atMost = "<="
        }

        public var comparison: Comparison
        public var value: Double
        /// Unit for display: "ratio", "s", "score", "fraction", "count".
        public var unit: String

        public init(_ comparison: Comparison, _ value: Double, unit: String) {
            self.comparison = comparison
            self.value = value
            self.unit = unit
        }

        /// Whether `measured` meets this bar.
        public func isMet(by measured: Double) -> Bool {
            switch comparison {
            case .greaterThan: measured > value
            case .atLeast: measured >= value
            case .lessThan: measured < value
            case .atMost: measured <= value
            }
        }
    }

    /// Well-known keys of `metrics`, so the renderers can chart them.
    public enum Metric {
        public static let latencyAverage = "latency_avg_s"
        public static let latencyP50 = "latency_p50_s"
        public static let latencyP95 = "latency_p95_s"
        public static let latencyP99 = "latency_p99_s"
        public static let latencyMin = "latency_min_s"
        public static let latencyMax = "latency_max_s"
        public static let timeToFirstToken = "ttft_avg_s"
        public static let tokensPerSecond = "tokens_per_s"
        public static let loadTime = "load_avg_s"
        public static let quality = "quality"
        public static let successRate = "success_rate"
        public static let queries = "queries"
        public static let failures = "failures"
        /// Requests to Ollama retried (refused, reset, 503) to get the answers the criterion used.
        public static let retries = "retries"
    }

    /// Well-known keys of `facts`.
    public enum Fact {
        /// The version Ollama reported on `/api/version` (`ollama-service`), e.g. "0.6.5".
        public static let ollamaVersion = "ollama.version"
    }
}
