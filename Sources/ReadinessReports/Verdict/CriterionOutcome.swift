import ReadinessKit
import Foundation

/// One criterion of a run after merging its results (one per model for per-model criteria) with how its tests ended.
package struct CriterionOutcome: Codable, Sendable, Equatable {
    /// Where a criterion stands after the run.
    package enum Status: String, Codable, Sendable, CaseIterable {
        /// Every result passed and its tests did not fail.
        case passed
        /// A critical criterion fell short (a result failed or its test failed).
        case failed
        /// A recommended criterion fell short: a warning, never a blocker.
        case warned
        /// Its test was skipped (e.g. `.disabled`).
        case skipped
        /// No result: its test was filtered out, never finished, or did not record one.
        case missing
    }

    package var id: String
    package var title: String
    /// `nil` only for a criterion a gate names that no test recorded and the catalog does not know.
    package var area: CriterionResult.Area?
    package var severity: CriterionResult.Severity
    package var status: Status
    /// Whether the gate being decided requires this criterion.
    package var required: Bool
    /// Whether this criterion keeps the gate from READY (required, critical, failed or skipped).
    package var blocking: Bool
    /// One sentence: what was found.
    package var message: String
    /// The fleet-wide measurement, for criteria with a single result.
    package var measured: Double?
    package var threshold: CriterionResult.Threshold?
    /// The recorded results, per model in migration order.
    package var rows: [CriterionResult]
    /// The tests that decided it, as `Suite/function()` paths.
    package var tests: [String]
    /// Failing issues its tests recorded.
    package var testFailures: [String]
    /// Warning issues its tests recorded.
    package var warnings: [String]
    /// What to do, deduplicated, in the order the results gave them.
    package var actions: [String]
    /// From the first start to the last end of its tests.
    package var durationSeconds: Double?

    /// Whether it passed, or fell short only as a recommendation.
    package var isSatisfied: Bool { status == .passed }
}

/// A readiness test that failed or was skipped without recording a criterion: it still counts (failures block).
package struct UnlistedTest: Codable, Sendable, Equatable {
    /// The test as `Suite/function()`, or "(run)" for issues recorded outside any test.
    package var test: String
    /// `.failed` or `.skipped`.
    package var status: CriterionOutcome.Status
    /// The issue texts, or the skip reason.
    package var messages: [String]
}
