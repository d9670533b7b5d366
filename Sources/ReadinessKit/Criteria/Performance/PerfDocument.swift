import Foundation
import OllamaKit

/// What `readiness perf` reports: perf-report.json is this, encoded; `--baseline` reads it back (or
/// fixtures/mirador/phase1-baseline.json, which has the same shape with fewer figures).
///
/// Every verdict in it comes from `PerformanceEvaluator`, the code the Performance suite runs, so the
/// command and the suite cannot disagree on the same measurements.
package struct PerfDocument: Codable, Sendable, Equatable {
    package var schema: String?
    package var generatedAt: Date?
    /// Ollama's host, redacted.
    package var host: String?
    package var rounds: Int?
    package var concurrency: Int?
    /// Wall time of the run on a monotonic clock, warm-ups included.
    package var wallSeconds: Double?
    /// Model loads the client observed, and the fewest possible (one per model that loaded).
    package var observedLoads: Int?
    package var minimumLoads: Int?
    /// Whether every threshold held.
    package var passed: Bool?
    package var overall: Figures
    package var models: [Figures]
    /// Fleet-wide checks (success rate).
    package var checks: [Check]?
    /// Changes against `--baseline`, per model, when one was given.
    package var deltas: [Delta]?
    /// Free text, e.g. where a baseline's figures come from.
    package var note: String?
    /// The average response-time threshold the run was held to (for the latency chart).
    package var averageResponseSeconds: Double?

    package static let currentSchema = "readiness-perf/1"

    /// The figures of one model, or of the whole run (`model` "(all)").
    package struct Figures: Codable, Sendable, Equatable {
        package var model: String
        /// `false` when Ollama did not have the model.
        package var present: Bool?
        package var queries: Int?
        package var failures: Int?
        package var successRate: Double
        /// Latency of successful queries in seconds (client wall clock, monotonic); percentiles by nearest rank.
        package var latency: Latency?
        package var timeToFirstTokenSeconds: Double?
        /// `eval_count / eval_duration` as Ollama reported them.
        package var tokensPerSecond: Double?
        /// Model load time: the warm-up, never part of latency.
        package var loadSeconds: Double?
        /// Mean of Ollama's own `total_duration` over successful queries, beside the wall clock.
        package var ollamaTotalSeconds: Double?
        package var quality: Double?
        /// Failed queries by kind ("timeout", "HTTP 500", "model missing", "truncated stream", ...).
        package var errors: [String: Int]?
        package var checks: [Check]?
    }

    package struct Latency: Codable, Sendable, Equatable {
        package var min: Double, avg: Double, p50: Double, p95: Double, p99: Double, max: Double
    }

    /// One threshold and whether it held.
    package struct Check: Codable, Sendable, Equatable {
        /// The criterion id, e.g. "response-time".
        package var id: String
        package var passed: Bool
        package var message: String
    }

    /// A model's figures before (baseline) and now.
    package struct Delta: Codable, Sendable, Equatable {
        package var model: String
        package var successRateBefore: Double?
        package var successRateAfter: Double?
        package var p95Before: Double?
        package var p95After: Double?
        package var presentBefore: Bool?
        package var presentAfter: Bool?
    }
}

extension PerfDocument {
    /// The document of a finished run, judged by `config`'s thresholds.
    package init(_ report: PerformanceReport, config: ReadinessConfig, concurrency: Int, generatedAt: Date) {
        let thresholds = config.thresholds
        var models: [Figures] = []
        for model in config.criticalModels {
            let outcomes = report.queries(for: model.name)
            var figures = Figures(report.summary(for: model.name), model: model.name, outcomes: outcomes, report: report)
            let results = [
                PerformanceEvaluator.responseTime(model, outcomes: outcomes, loads: report.loads(for: model.name), thresholds: thresholds),
                PerformanceEvaluator.quality(model, outcomes: outcomes, threshold: thresholds.quality),
            ]
            figures.checks = results.map { Check(id: $0.id, passed: $0.passed, message: $0.message) }
            figures.present = !(outcomes.allSatisfy(\.modelMissing) && !outcomes.isEmpty)
            models.append(figures)
        }
        let fleetResult = PerformanceEvaluator.successRate(report, thresholds: thresholds)
        self.init(
            schema: Self.currentSchema, generatedAt: generatedAt, host: OllamaHost.redacted(config.ollama.host.absoluteString),
            rounds: thresholds.rounds, concurrency: concurrency, wallSeconds: report.wallSeconds,
            observedLoads: report.observedLoads, minimumLoads: report.minimumLoads,
            passed: fleetResult.passed && models.allSatisfy { $0.checks?.allSatisfy(\.passed) ?? true },
            overall: Figures(report.fleet, model: "(all)", outcomes: report.queries, report: report),
            models: models, checks: [Check(id: fleetResult.id, passed: fleetResult.passed, message: fleetResult.message)],
            deltas: nil, note: nil, averageResponseSeconds: thresholds.averageResponseSeconds)
    }

    /// Before/after figures for every model in either document, this document's models first.
    package func deltas(against baseline: PerfDocument) -> [Delta] {
        var names = models.map(\.model)
        for model in baseline.models where !names.contains(where: { ModelName.matches($0, model.model) }) { names.append(model.model) }
        return names.map { name in
            let before = baseline.models.first { ModelName.matches($0.model, name) }
            let after = models.first { ModelName.matches($0.model, name) }
            return Delta(
                model: name, successRateBefore: before?.successRate, successRateAfter: after?.successRate,
                p95Before: before?.latency?.p95, p95After: after?.latency?.p95, presentBefore: before?.present, presentAfter: after?.present)
        }
    }

    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Reads an earlier perf-report.json or a baseline file.
    package static func read(_ data: Data) throws -> PerfDocument {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(PerfDocument.self, from: data)
    }
}

extension PerfDocument.Figures {
    init(_ summary: PerformanceSummary, model: String, outcomes: [QueryOutcome], report: PerformanceReport) {
        let latency: PerfDocument.Latency? = summary.latencyAverage.map { avg in
            PerfDocument.Latency(
                min: summary.latencyMin ?? avg, avg: avg, p50: summary.latencyP50 ?? avg, p95: summary.latencyP95 ?? avg,
                p99: summary.latencyP99 ?? avg, max: summary.latencyMax ?? avg)
        }
        let errors = Dictionary(uniqueKeysWithValues: report.failureGroups(outcomes).map { ($0.kind.description, $0.count) })
        self.init(
            model: model, present: nil, queries: summary.queries, failures: summary.failures, successRate: summary.successRate,
            latency: latency, timeToFirstTokenSeconds: summary.timeToFirstTokenAverage, tokensPerSecond: summary.tokensPerSecondAverage,
            loadSeconds: summary.loadAverage, ollamaTotalSeconds: Statistics.mean(outcomes.filter(\.succeeded).compactMap(\.ollamaTotalSeconds)),
            quality: summary.quality, errors: errors.isEmpty ? nil : errors, checks: nil)
    }
}
