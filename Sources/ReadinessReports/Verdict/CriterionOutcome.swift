import ReadinessKit
import Foundation

/// One criterion of a run after merging its results (one per model for per-model criteria) with how its tests ended.
public struct CriterionOutcome: Codable, Sendable, Equatable {
    /// Where a criterion stands after the run.
    public enum Status: String, Codable, Sendable, CaseIterable {
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

    public var id: String
    public var title: String
    /// `nil` only for a criterion a gate names that no test recorded and the catalog does not know.
    public var area: CriterionResult.Area?
    public var severity: CriterionResult.Severity
    public var status: Status
    /// Whether the gate being decided requires this criterion.
    public var required: Bool
    /// Whether this criterion keeps the gate from READY (required, critical, failed or skipped).
    public var blocking: Bool
    /// One sentence: what was found.
    public var message: String
    /// The fleet-wide measurement, for criteria with a single result.
    public var measured: Double?
    public var threshold: CriterionResult.Threshold?
    /// The recorded results, per model in migration order.
    public var rows: [CriterionResult]
    /// The tests that decided it, as `Suite/function()` paths.
    public var tests: [String]
    /// Failing issues its tests recorded.
    public var testFailures: [String]
    /// Warning issues its tests recorded.
    public var warnings: [String]
    /// What to do, deduplicated, in the order the results gave them.
    public var actions: [String]
    /// From the first start to the last end of its tests.
    public var durationSeconds: Double?

    /// Whether it passed, or fell short only as a recommendation.
    public var isSatisfied: Bool { status == .passed }
}

/// A readiness test that failed or was skipped without recording a criterion: it still counts (failures block).
public struct UnlistedTest: Codable, Sendable, Equatable {
    /// The test as `Suite/function()`, or "(run)" for issues recorded outside any test.
    public var test: String
    /// `.failed` or `.skipped`.
    public var status: CriterionOutcome.Status
    /// The issue texts, or the skip reason.
    public var messages: [String]
}
