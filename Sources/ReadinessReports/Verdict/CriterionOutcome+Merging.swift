import ReadinessKit
import Foundation

extension CriterionOutcome {
    /// Merges the results and tests of one criterion: it passes only if every result passed and no test failed.
    static func merge(
        id: String, rows: [CriterionResult], tests: [RunEvidence.Test], severity: CriterionResult.Severity, required: Bool
    ) -> CriterionOutcome {
        let catalog = Criterion.named(id)
        let failures = tests.flatMap(\.failures)
        let failing = rows.filter { !$0.passed }
        let unfinished = tests.first { $0.state == .running || $0.state == .declared }
        let skipped = tests.first { $0.state == .skipped }
        let shortfall: Status = severity == .critical ? .failed : .warned

        let status: Status
        let message: String
        if !failing.isEmpty {
            status = shortfall
            message = rows.count == 1 || failing.allSatisfy({ $0.model == nil })
                ? failing.map(\.message).joined(separator: "; ")
                : "\(failing.count) of \(rows.count) \(noun(rows)) fall short: "
                    + failing.map { [$0.model ?? "fleet", $0.host.map { "on \($0)" }].compactMap { $0 }.joined(separator: " ") }.joined(separator: ", ")
        } else if !failures.isEmpty {
            status = shortfall
            message = "its test failed: " + failures[0]
        } else if let unfinished {
            status = .missing
            message = unfinished.state == .running
                ? "its test '\(unfinished.path)' started but never finished"
                : "its test '\(unfinished.path)' never ran"
        } else if !rows.isEmpty {
            status = .passed
            message = rows.count == 1 ? rows[0].message : "all \(rows.count) \(noun(rows)) pass"
        } else if let skipped {
            status = .skipped
            message = "skipped: " + (skipped.skipReason ?? "no reason given")
        } else {
            status = .missing
            message = tests.first.map { "its test '\($0.path)' ended without recording a result" }
                ?? "no test recorded it (filtered out, or not part of the suites)"
        }

        var actions: [String] = []
        for action in rows.flatMap(\.actions) where !actions.contains(action) { actions.append(action) }
        let single = rows.count == 1 ? rows.first : nil
        let starts = tests.compactMap(\.started), ends = tests.compactMap(\.ended)
        return CriterionOutcome(
            id: id, title: rows.first?.title ?? catalog?.title ?? id, area: rows.first?.area ?? catalog?.area,
            severity: severity, status: status, required: required,
            blocking: required && severity == .critical && (status == .failed || status == .skipped),
            message: message, measured: single?.measured, threshold: single?.threshold, rows: rows,
            tests: tests.map(\.path), testFailures: failures, warnings: tests.flatMap(\.warnings), actions: actions,
            durationSeconds: starts.min().flatMap { start in ends.max().map { max(0, $0 - start) } }
        )
    }

    /// What a criterion's results are about: "models", "model-host pairs" when they name hosts, or "results"
    /// (per host or per shard) for a fleet-wide criterion.
    private static func noun(_ rows: [CriterionResult]) -> String {
        rows.allSatisfy { $0.model == nil } ? "results" : rows.contains { $0.host != nil } ? "model-host pairs" : "models"
    }
}
