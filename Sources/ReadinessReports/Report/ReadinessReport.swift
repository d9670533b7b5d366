import ReadinessKit
import Foundation

/// Everything a readiness run found, in the shape of report.json; every renderer draws from this one value.
public struct ReadinessReport: Codable, Sendable, Equatable {
    /// The version of report.json's shape; bumped when a field changes meaning or goes away.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// `ready`, `not-ready` or `undecided`.
    public var verdict: Verdict.Outcome
    /// One sentence saying why.
    public var summary: String
    /// What kept the gate from READY, blockers first.
    public var reasons: [String]
    /// Shortfalls that do not block.
    public var warnings: [String]
    public var gate: Gate
    /// Every criterion: the catalog's, the ones recorded, the ones the gate requires.
    public var criteria: [CriterionOutcome]
    /// Readiness tests that failed or were skipped without recording a criterion.
    public var unlistedTests: [UnlistedTest]
    /// Why the evidence is incomplete, if it is.
    public var problems: [RunProblem]
    /// The fleet, in migration order, with each model's standing and measurements.
    public var models: [Model]
    /// What to do next, most urgent first.
    public var actions: [String]
    public var timings: Timings
    public var tool: Tool
    public var ollama: Ollama
    public var source: Source
    /// How this run compares with the previous run of the same gate in the same output folder; set when the
    /// reports are published (`ReportComparison.sincePrevious`), `nil` in a report that was never published.
    public var comparison: ReportComparison? = nil

    /// The gate decided.
    public struct Gate: Codable, Sendable, Equatable {
        public var name: String
        public var description: String?
        /// The criterion ids it required in this run: its list, plus every critical one when `allCritical`.
        public var criteria: [String]
    }

    /// One model across all criteria.
    public struct Model: Codable, Sendable, Equatable {
        public var name: String
        /// `nil` when the model is not in readiness.json.
        public var critical: Bool?
        public var migrationOrder: Int?
        /// `passed` when all its results passed, `failed`/`warned` when one fell short, `missing` without results.
        public var status: CriterionOutcome.Status
        /// Ids of the criteria it falls short of.
        public var failing: [String]
        /// Its measurements (`CriterionResult.Metric` keys), merged from its results.
        public var metrics: [String: Double]
        public var actions: [String]
        /// Its standing on each host that serves it, in host order, when the fleet has several hosts.
        public var hosts: [HostStanding]? = nil
    }

    /// One model on one host: the cell of the models × hosts grid.
    public struct HostStanding: Codable, Sendable, Equatable {
        /// The host, redacted.
        public var host: String
        /// `passed`, `failed`/`warned` when a result on this host fell short, `missing` without results.
        public var status: CriterionOutcome.Status
        /// Ids of the criteria it falls short of on this host.
        public var failing: [String]
    }

    /// When the run happened (ISO 8601, UTC) and how long it took.
    public struct Timings: Codable, Sendable, Equatable {
        public var runStarted: String?
        public var runEnded: String?
        public var durationSeconds: Double?
        public var generatedAt: String
    }

    /// The tool that wrote the report.
    public struct Tool: Codable, Sendable, Equatable {
        public var name: String
        public var version: String
    }

    /// The Ollama the suites ran against.
    public struct Ollama: Codable, Sendable, Equatable {
        /// From readiness.json, OLLAMA_HOST or `--ollama`.
        public var host: String?
        /// As the `ollama-service` criterion found it; `nil` when it did not run.
        public var version: String?
        /// Every host, redacted, in readiness.json's order, when the fleet has several.
        public var hosts: [String]? = nil

        /// The servers the check asked, redacted, in order: `hosts`, else the one `host`.
        public var checkedHosts: [String] { hosts ?? host.map { [$0] } ?? [] }
    }

    /// Where the evidence came from.
    public struct Source: Codable, Sendable, Equatable {
        public var events: String?
        public var attachments: [String]
        public var config: String?
        /// Swift Testing's event stream version, e.g. "6.3.0".
        public var streamVersion: String?
        /// SHA-256 of readiness.json's bytes when the report was built, so a gate can refuse a report of another
        /// config; `nil` when the config could not be read.
        public var configSHA256: String?
        /// "K/N" for the report of one shard (`check --shard K/N`); `nil` otherwise.
        public var shard: String? = nil
        /// The shard folders a merged report was made from (`readiness merge`); `nil` otherwise.
        public var mergedShards: [String]? = nil
    }

    /// The criteria with this status.
    public func criteria(_ status: CriterionOutcome.Status) -> [CriterionOutcome] {
        criteria.filter { $0.status == status }
    }
}

extension ReadinessReport {
    /// The report.json encoding: sorted keys, pretty printed, so reports diff cleanly between runs.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads a report.json written by this tool, as part of a completely published set.
    /// - Throws: `ReportError` when the file is missing, not matched by `report.complete`, not a report, or of
    ///   another schema version.
    public static func load(from url: URL) throws -> ReadinessReport {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw ReportError.notFound(url.relativePath) }
        try ReportCompletion.verify(data, readFrom: url)
        struct Version: Decodable { var schemaVersion: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            throw ReportError.notAReport(url.relativePath)
        }
        guard version.schemaVersion == currentSchemaVersion else {
            throw ReportError.unsupportedVersion(url.relativePath, version: version.schemaVersion)
        }
        do {
            return try JSONDecoder().decode(ReadinessReport.self, from: data)
        } catch {
            throw ReportError.notAReport(url.relativePath)
        }
    }
}
