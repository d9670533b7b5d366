import Foundation
import OllamaKit

/// Decides `ollama-service` and `disk-space`.
package enum SystemHealthEvaluator {
    /// Whether the Ollama at `host` that answered `/api/version` with `version` is at least `minimumVersion`;
    /// the result carries `version` as the fact `CriterionResult.Fact.ollamaVersion`.
    /// - Parameters:
    ///   - version: The version Ollama reported.
    ///   - minimumVersion: The lowest acceptable version; `nil` accepts any.
    ///   - host: The server, for the message.
    package static func service(version: String, minimumVersion: String?, host: String) -> CriterionResult {
        // The host may carry a proxy's credentials; messages show it redacted, and quote only a version's start.
        let host = OllamaHost.redacted(host), version = UntrustedText.excerpt(version, limit: 64)
        // Every answer carries the version as a fact, so the report shows it whatever the verdict.
        func result(passed: Bool, message: String, actions: [String] = []) -> CriterionResult {
            Criterion.ollamaService.result(
                passed: passed, message: message, actions: actions, facts: [CriterionResult.Fact.ollamaVersion: version]
            )
        }
        guard let minimumVersion else {
            return result(passed: true, message: "Ollama \(version) is running at \(host)")
        }
        guard let minimum = SemanticVersion(minimumVersion) else {
            return result(
                passed: false, message: "the minimum version '\(minimumVersion)' is not a version",
                actions: ["Write ollama.minimumVersion in readiness.json as e.g. \"0.5.0\"."]
            )
        }
        guard let actual = SemanticVersion(version) else {
            return result(
                passed: false,
                message: "Ollama at \(host) reports version '\(version)', which cannot be compared with the minimum \(minimumVersion)",
                actions: ["Install a released Ollama \(minimumVersion) or later from https://ollama.com/download"]
            )
        }
        if actual < minimum {
            return result(
                passed: false, message: "Ollama \(version) at \(host) is older than the minimum \(minimumVersion)",
                actions: ["Upgrade Ollama to \(minimumVersion) or later: https://ollama.com/download"]
            )
        }
        return result(passed: true, message: "Ollama \(version) is running at \(host) (minimum \(minimumVersion))")
    }

    /// Whether the disk holding the models is used less than `threshold` (a fraction).
    package static func disk(_ usage: DiskUsage, threshold: Double) -> CriterionResult {
        let bar = CriterionResult.Threshold(.lessThan, threshold, unit: "fraction")
        let passed = bar.isMet(by: usage.usedFraction)
        let limit = String(format: "%.0f%%", threshold * 100)
        return Criterion.diskSpace.result(
            passed: passed, measured: usage.usedFraction, threshold: bar,
            message: usage.message + (passed ? ", below the \(limit) limit" : ", at or above the \(limit) limit"),
            actions: passed ? [] : ["Free space on the filesystem holding \(usage.measuredPath.path), e.g. remove unused models with 'ollama rm NAME'"]
        )
    }
}
