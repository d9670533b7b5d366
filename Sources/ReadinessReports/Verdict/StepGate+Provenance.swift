import ReadinessKit
import Foundation
import OllamaKit

extension StepGate {
    /// Why the report cannot speak for this config and fleet as they are now: undecided, of one shard (whose own
    /// verdict covers only its pairs: a model's other hosts are in other shards), made with another readiness.json,
    /// or of other contents of readiness.json or a model's Modelfile than those on disk now (by SHA-256, never by
    /// file time: a fresh checkout of the same commit is the same input).
    static func provenanceGaps(config: ReadinessConfig, report: ReadinessReport) -> [String] {
        var gaps: [String] = []
        let file = config.file.relativePath
        if report.verdict == .undecided {
            gaps.append("the last run is undecided: \(report.summary)")
        }
        if let shard = report.source.shard {
            gaps.append("the last report is of shard \(shard) alone, which checks only part of the (model, host) pairs; decide on the report of 'readiness merge' of all its shards")
        }
        gaps += hostGaps(config: config, report: report)
        gaps += fingerprintGaps(config: config, report: report)
        return gaps
    }

    /// Why the report does not cover the Ollama this step acts on: every host of `config` (after `--ollama` and
    /// OLLAMA_HOST) must be one the report checked, so a READY of a staging server cannot open a production step.
    private static func hostGaps(config: ReadinessConfig, report: ReadinessReport) -> [String] {
        let checked = report.ollama.checkedHosts
        guard !checked.isEmpty else { return ["the last report records no Ollama host, so it cannot be tied to the one this step changes"] }
        let acting = config.ollama.redactedHosts
        let unchecked = acting.filter { !checked.contains($0) }
        guard !unchecked.isEmpty else { return [] }
        return [
            "the last report checked \(checked.joined(separator: ", ")), not \(unchecked.joined(separator: ", ")), which this step changes; "
                + "run 'readiness check' against it (the same --ollama or OLLAMA_HOST)"
        ]
    }

    /// The hosts, redacted as a report's rows name them, whose results of `model` the step needs: the one host of a
    /// one-host config or of a command acting on one Ollama (`--ollama`), else the hosts that serve it. A report
    /// of several hosts must hold a result on each, so a pass on one server cannot open a step on another.
    static func actingHosts(of model: String, config: ReadinessConfig) -> [String] {
        guard config.ollama.hosts.count > 1, let served = config.model(named: model) else { return config.ollama.redactedHosts }
        return config.hosts(serving: served).map { OllamaHost.redacted($0.absoluteString) }
    }

    /// The criteria a step needs: the per-model ones of `areas`, whatever severity readiness.json gives them (the
    /// models being migrated must pass availability, functionality and performance, and a config that made them
    /// recommended must not leave a step with nothing to check).
    package static func needed(config: ReadinessConfig, report: ReadinessReport) -> [CriterionOutcome] {
        report.criteria.filter { criterion in
            guard let area = criterion.area, areas.contains(area) else { return false }
            return EvidenceCompleteness.isPerModel(criterion)
        }
    }

    /// Why the report's recorded fingerprints do not tie it to readiness.json and the Modelfiles as they are now.
    private static func fingerprintGaps(config: ReadinessConfig, report: ReadinessReport) -> [String] {
        let file = config.file.relativePath
        guard let recorded = report.source.configSHA256 else {
            return ["the last report records no fingerprint of its readiness.json, so it cannot be tied to \(file)"]
        }
        var gaps: [String] = []
        if recorded != ReadinessConfig.fingerprint(of: config.file) {
            gaps.append("the last report was made with another readiness.json than \(file) (sha256 \(recorded.prefix(12))… differs)")
        }
        guard let modelfiles = report.source.modelfileSHA256 else {
            return gaps + ["the last report records no fingerprints of the Modelfiles, so it cannot be tied to those \(file) names"]
        }
        return gaps + config.changedModelfiles(since: modelfiles).map { input in
            "\(input) is not the one the last run measured (its SHA-256 differs), so run 'readiness check' again"
        }
    }
}
