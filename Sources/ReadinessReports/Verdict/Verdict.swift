import ReadinessKit
import Foundation

/// The decision on a gate, failing closed: READY only when the run finished, every required criterion ran,
/// and none of the required critical ones failed or was skipped.
package struct Verdict: Codable, Sendable, Equatable {
    /// The three answers a readiness check can give.
    package enum Outcome: String, Codable, Sendable, CaseIterable {
        /// Every required criterion passed on complete evidence (exit 0).
        case ready
        /// A required critical criterion failed or was skipped, or a readiness test failed (exit 1).
        case notReady = "not-ready"
        /// The evidence is incomplete or unusable, so no decision is possible (exit 2).
        case undecided

        /// "READY", "NOT READY" or "UNDECIDED".
        package var label: String {
            switch self {
            case .ready: "READY"
            case .notReady: "NOT READY"
            case .undecided: "UNDECIDED"
            }
        }
    }

    package var outcome: Outcome
    /// One sentence saying why.
    package var summary: String
    /// Everything that kept it from READY, blockers first; empty when READY.
    package var reasons: [String]
    /// Shortfalls that do not block (recommended criteria, criteria outside the gate).
    package var warnings: [String]

    /// Decides a gate. A known blocker decides NOT READY even when other evidence is missing, because no further
    /// evidence could make the gate pass; otherwise any problem leaves it UNDECIDED.
    /// - Parameters:
    ///   - gate: The gate's name, for the summary.
    ///   - analysis: The run's criteria, unlisted tests and problems.
    package static func decide(gate: String, analysis: RunAnalysis) -> Verdict {
        let blockers = analysis.criteria.filter(\.blocking)
        let unlistedFailures = analysis.unlisted.filter { $0.status == .failed }
        var reasons = blockers.map { "\($0.id) \($0.status == .skipped ? "was skipped" : "failed"): \($0.message)" }
        reasons += unlistedFailures.map { "\($0.test) failed without recording a criterion: \($0.messages.joined(separator: "; "))" }
        let problems = analysis.problems.map(\.message)
        let warnings = analysis.criteria.filter { !$0.blocking && ($0.status == .failed || $0.status == .warned) }
            .map { "\($0.id)\($0.required ? "" : " (not in gate '\(gate)')") fell short: \($0.message)" }

        if !reasons.isEmpty {
            var parts: [String] = []
            if !blockers.isEmpty {
                parts.append("\(count(blockers.count, "required critical criterion", "required critical criteria")) did not pass (\(blockers.map(\.id).joined(separator: ", ")))")
            }
            if !unlistedFailures.isEmpty {
                parts.append("\(count(unlistedFailures.count, "readiness test", "readiness tests")) failed without recording a criterion")
            }
            return Verdict(
                outcome: .notReady, summary: "Gate '\(gate)': " + parts.joined(separator: "; ") + ".",
                reasons: reasons + problems, warnings: warnings
            )
        }
        if !problems.isEmpty {
            return Verdict(
                outcome: .undecided,
                summary: "Gate '\(gate)' cannot be decided: \(Self.sentence(problems[0]))"
                    + (problems.count > 1 ? " (and \(problems.count - 1) more)." : "."),
                reasons: problems, warnings: warnings
            )
        }
        let required = analysis.criteria.filter(\.required).count
        let note = warnings.isEmpty ? "" : "; \(count(warnings.count, "warning", "warnings"))"
        return Verdict(
            outcome: .ready,
            summary: "Gate '\(gate)': all \(count(required, "required criterion", "required criteria")) passed\(note).",
            reasons: [], warnings: warnings
        )
    }

    private static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// `text` without its closing period, so the summary can end it once.
    private static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
