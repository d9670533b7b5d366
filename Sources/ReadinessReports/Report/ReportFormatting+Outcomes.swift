import ReadinessKit

/// Status wording shared by every renderer, so all formats say the same thing.
extension ReportFormatting {
    /// A criterion's measurement: its single value, or "4/6 pass" for per-model criteria.
    package static func measured(_ criterion: CriterionOutcome) -> String {
        if criterion.rows.count > 1 || criterion.rows.first?.model != nil {
            return "\(criterion.rows.filter(\.passed).count)/\(criterion.rows.count) pass"
        }
        return criterion.measured.map { value($0, unit: criterion.threshold?.unit) } ?? ""
    }

    /// The threshold a criterion's results are held to (the first one, as they share it).
    package static func threshold(_ criterion: CriterionOutcome) -> String {
        threshold(criterion.threshold ?? criterion.rows.first?.threshold)
    }

    /// "PASS", "FAIL", "WARN", "SKIP" or "MISSING".
    package static func label(_ status: CriterionOutcome.Status) -> String {
        switch status {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .warned: "WARN"
        case .skipped: "SKIP"
        case .missing: "MISSING"
        }
    }

    /// The status of one result row within its criterion.
    package static func status(_ row: CriterionResult) -> CriterionOutcome.Status {
        row.passed ? .passed : row.severity == .critical ? .failed : .warned
    }

    /// Where a status sorts when what falls short comes first: failed, missing, skipped, warned, passed.
    package static func rank(_ status: CriterionOutcome.Status) -> Int {
        switch status {
        case .failed: 0
        case .missing: 1
        case .skipped: 2
        case .warned: 3
        case .passed: 4
        }
    }

    /// `items` with those that fall short first (`rank`), each group in its original order.
    package static func failingFirst<T>(_ items: [T], status: (T) -> CriterionOutcome.Status) -> [T] {
        items.enumerated().map { (offset: $0.offset, item: $0.element, rank: rank(status($0.element))) }
            .sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.item)
    }

    /// The fleet in one phrase: "1000 models: 3 fail, 1 warn, 996 pass" (statuses with no model left out).
    package static func tally(_ models: [ReadinessReport.Model]) -> String {
        var counts: [CriterionOutcome.Status: Int] = [:]
        for model in models { counts[model.status, default: 0] += 1 }
        let words: [(CriterionOutcome.Status, String)] = [
            (.failed, "fail"), (.missing, "without results"), (.skipped, "skipped"), (.warned, "warn"), (.passed, "pass"),
        ]
        let parts = words.compactMap { status, word in counts[status].map { "\($0) \(word)" } }
        return "\(models.count) \(models.count == 1 ? "model" : "models")" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", "))
    }
}
