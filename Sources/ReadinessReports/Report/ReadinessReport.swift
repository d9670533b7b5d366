import ReadinessKit
import Foundation

/// Everything a readiness run found, in the shape of report.json; every renderer draws from this one value.
package struct ReadinessReport: Codable, Sendable, Equatable {
    /// The version of report.json's shape; bumped when a field changes meaning or goes away.
    package static let currentSchemaVersion = 1

    package var schemaVersion: Int
    /// `ready`, `not-ready` or `undecided`.
    package var verdict: Verdict.Outcome
    /// One sentence saying why.
    package var summary: String
    /// What kept the gate from READY, blockers first.
    package var reasons: [String]
    /// Shortfalls that do not block.
    package var warnings: [String]
    package var gate: Gate
    /// Every criterion: the catalog's, the ones recorded, the ones the gate requires.
    package var criteria: [CriterionOutcome]
    /// Readiness tests that failed or were skipped without recording a criterion.
    package var unlistedTests: [UnlistedTest]
    /// Why the evidence is incomplete, if it is.
    package var problems: [RunProblem]
    /// The fleet, in migration order, with each model's standing and measurements.
    package var models: [Model]
    /// What to do next, most urgent first.
    package var actions: [String]
    package var timings: Timings
    package var tool: Tool
    package var ollama: Ollama
    package var source: Source
    /// How this run compares with the previous run of the same gate in the same output folder; set when the
    /// reports are published (`ReportComparison.sincePrevious`), `nil` in a report that was never published.
    package var comparison: ReportComparison? = nil

    /// The gate decided.
    package struct Gate: Codable, Sendable, Equatable {
        package var name: String
        package var description: String?
        /// The criterion ids it required in this run: its list, plus every critical one when `allCritical`.
        package var criteria: [String]
    }

    /// One model across all criteria.
    package struct Model: Codable, Sendable, Equatable {
        package var name: String
        /// `nil` when the model is not in readiness.json.
        package var critical: Bool?
        package var migrationOrder: Int?
        /// `passed` when all its results passed, `failed`/`warned` when one fell short, `missing` without results.
        package var status: CriterionOutcome.Status
        /// Ids of the criteria it falls short of.
        package var failing: [String]
        /// Its measurements (`CriterionResult.Metric` keys), merged from its results.
        package var metrics: [String: Double]
        package var actions: [String]
        /// Its standing on each host that serves it, in host order, when the fleet has several hosts.
        package var hosts: [HostStanding]? = nil
    }

    /// One model on one host: the cell of the models × hosts grid.
    package struct HostStanding: Codable, Sendable, Equatable {
        /// The host, redacted.
        package var host: String
        /// `passed`, `failed`/`warned` when a result on this host fell short, `missing` without results.
        package var status: CriterionOutcome.Status
        /// Ids of the criteria it falls short of on this host.
        package var failing: [String]
    }

    /// When the run happened (ISO 8601, UTC) and how long it took.
    package struct Timings: Codable, Sendable, Equatable {
        package var runStarted: String?
        package var runEnded: String?
        package var durationSeconds: Double?
        package var generatedAt: String
    }

    /// The tool that wrote the report.
    package struct Tool: Codable, Sendable, Equatable {
        package var name: String
        package var version: String
    }

    /// The Ollama the suites ran against.
    package struct Ollama: Codable, Sendable, Equatable {
        /// From readiness.json, OLLAMA_HOST or `--ollama`.
        package var host: String?
        /// As the `ollama-service` criterion found it; `nil` when it did not run.
        package var version: String?
        /// Every host, redacted, in readiness.json's order, when the fleet has several.
        package var hosts: [String]? = nil

        /// The servers the check asked, redacted, in order: `hosts`, else the one `host`.
        package var checkedHosts: [String] { hosts ?? host.map { [$0] } ?? [] }
    }

    /// Where the evidence came from.
    package struct Source: Codable, Sendable, Equatable {
        package var events: String?
        package var attachments: [String]
        package var config: String?
        /// Swift Testing's event stream version, e.g. "6.3.0".
        package var streamVersion: String?
        /// SHA-256 of readiness.json's bytes when the report was built, so a gate can refuse a report of another
        /// config; `nil` when the config could not be read.
        package var configSHA256: String?
        /// SHA-256 of each model's Modelfile by model name when the run began, so a gate can refuse a report whose
        /// Modelfiles changed since; `nil` in a report that did not record them.
        package var modelfileSHA256: [String: String]? = nil
        /// "K/N" for the report of one shard (`check --shard K/N`); `nil` otherwise.
        package var shard: String? = nil
        /// The shard folders a merged report was made from (`readiness merge`); `nil` otherwise.
        package var mergedShards: [String]? = nil
    }

    /// The criteria with this status.
    package func criteria(_ status: CriterionOutcome.Status) -> [CriterionOutcome] {
        criteria.filter { $0.status == status }
    }
}

extension ReadinessReport {
    /// The report.json encoding: sorted keys, pretty printed, so reports diff cleanly between runs.
    package static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads a report.json written by this tool, as part of a completely published set.
    /// - Throws: `ReportError` when the file is missing, not matched by `report.complete`, not a report, or of
    ///   another schema version.
    package static func load(from url: URL) throws -> ReadinessReport {
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
