import ReadinessKit
import Foundation
import OllamaKit

/// The verdict's first rule: results stand for the fleet only when there is one, and only one, for every result
/// the check expects of a criterion the gate requires: per (critical model, host) pair for a per-model criterion,
/// per host for a fleet-wide one that asks Ollama, one for the fleet otherwise, each within the shards checked
/// (`CheckPlan.expectedResults`). A model that was never measured on a host is not a model that passed there.
enum EvidenceCompleteness {
    /// Checks the required criteria that have results; a criterion whose results are incomplete or contradict
    /// each other is marked `.missing` (it proves nothing either way) and a problem names what is missing.
    /// - Parameters:
    ///   - criteria: The merged criteria; incomplete required ones are changed in place.
    ///   - plan: The pairs and shards the check covers; `nil` without a config: one fleet-wide result each, and
    ///     no model, host or shard can be told foreign.
    /// - Returns: One problem per incomplete or inconsistent criterion.
    static func check(_ criteria: inout [CriterionOutcome], plan: CheckPlan?) -> [RunProblem] {
        var problems: [RunProblem] = []
        for index in criteria.indices where criteria[index].required && !criteria[index].rows.isEmpty {
            let criterion = criteria[index]
            let expected = plan?.expectedResults(of: criterion.id, rows: criterion.rows)
                ?? (isPerModel(criterion) ? [:] : [ResultKey(model: nil, host: nil, shard: nil): ""])
            let (conflicting, tainted) = conflicts(criterion, expected: expected, plan: plan)
            let gaps = conflicting + missing(criterion, expected: expected)
            guard !gaps.isEmpty else { continue }
            problems += gaps
            // A shortfall on consistent evidence still blocks (no further result could make it pass); a pass on
            // partial evidence, or a failure only contradictory or foreign results show, proves nothing.
            let trustedFailure = criterion.rows.contains { !$0.passed && !tainted.contains(ResultKey($0)) }
                || (criterion.status != .passed && criterion.rows.allSatisfy(\.passed))
            if criterion.status == .passed || !trustedFailure {
                criteria[index].status = .missing
                criteria[index].blocking = false
                criteria[index].message = gaps.map(\.message).joined(separator: "; ")
            }
        }
        return problems
    }

    /// Whether a criterion records one result per model: the catalog says so; a user's criterion says so by its results.
    static func isPerModel(_ criterion: CriterionOutcome) -> Bool {
        Criterion.named(criterion.id)?.isPerModel ?? criterion.rows.contains { $0.model != nil }
    }

    private static func missing(_ criterion: CriterionOutcome, expected: [ResultKey: String]) -> [RunProblem] {
        let action = "Run the readiness suites with this readiness.json so every critical model is measured on every host, and pass every attachment (--attachments DIR)."
        let present = Set(criterion.rows.map(ResultKey.init))
        let absent = expected.filter { !present.contains($0.key) }.map(\.value).sorted()
        guard !absent.isEmpty else { return [] }
        guard isPerModel(criterion) else {
            let named = absent.filter { !$0.isEmpty }
            return [RunProblem(
                .resultMissing, "no fleet-wide result of '\(criterion.id)'" + (named.isEmpty ? "" : " " + named.joined(separator: ", ")), action: action
            )]
        }
        return [RunProblem(.resultMissing, "no result of '\(criterion.id)' for \(absent.joined(separator: ", "))", action: action)]
    }

    /// How a problem names the result of `row`: "for alpha on http://h:1 in shard 2/3", or "fleet-wide".
    private static func subject(_ row: CriterionResult) -> String {
        [row.model.map { "for \($0)" } ?? "fleet-wide", row.host.map { "on \($0)" }, row.shard.map { "in shard \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// The contradictions among a criterion's results, and the keys they taint.
    private static func conflicts(
        _ criterion: CriterionOutcome, expected: [ResultKey: String], plan: CheckPlan?
    ) -> ([RunProblem], Set<ResultKey>) {
        let action = "Run the check again into an empty attachments folder, with the readiness.json the suites ran with."
        var problems: [RunProblem] = []
        var tainted = Set<ResultKey>()
        var byKey: [ResultKey: [CriterionResult]] = [:]
        var order: [ResultKey] = []
        for row in criterion.rows {
            let key = ResultKey(row)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(row)
        }
        for key in order {
            let rows = byKey[key, default: []]
            if Set(rows.map(\.passed)).count > 1 {
                tainted.insert(key)
                problems.append(RunProblem(
                    .resultConflict, "'\(criterion.id)' was recorded \(rows.count) times \(subject(rows[0])) with different outcomes (passed and failed)",
                    action: action
                ))
            } else if rows.count > 1, rows.contains(where: { $0 != rows[0] }) {
                problems.append(RunProblem(
                    .resultConflict, "'\(criterion.id)' was recorded \(rows.count) times \(subject(rows[0])) with different measurements", action: action
                ))
            }
        }
        if isPerModel(criterion) {
            if criterion.rows.contains(where: { $0.model == nil }) {
                tainted.insert(ResultKey(model: nil, host: nil, shard: nil))
                criterion.rows.filter { $0.model == nil }.forEach { tainted.insert(ResultKey($0)) }
                problems.append(RunProblem(.resultConflict, "'\(criterion.id)' is per model but has a fleet-wide result", action: action))
            }
        } else if let row = criterion.rows.first(where: { $0.model != nil }), let model = row.model {
            criterion.rows.forEach { if $0.model != nil { tainted.insert(ResultKey($0)) } }
            problems.append(RunProblem(.resultConflict, "'\(criterion.id)' is fleet-wide but has a result for \(model)", action: action))
        }
        guard let plan else { return (problems, tainted) }
        for row in criterion.rows where expected[ResultKey(row)] == nil {
            guard let reason = foreignness(row, plan: plan) else { continue }
            tainted.insert(ResultKey(row))
            problems.append(RunProblem(.resultConflict, "'\(criterion.id)' has a result \(subject(row)), \(reason): the evidence is not of this check", action: action))
        }
        return (problems, tainted)
    }

    /// Why a result the check did not expect cannot belong to it, or `nil` when it may (a non-critical model's).
    private static func foreignness(_ row: CriterionResult, plan: CheckPlan) -> String? {
        if let model = row.model, plan.config.model(named: model) == nil { return "which readiness.json does not name" }
        if let host = row.host, !plan.hostLabels.contains(host) { return "whose host readiness.json does not list under ollama.hosts" }
        if row.host == nil, plan.config.hasSeveralHosts, Criterion.named(row.id)?.needsOllama == true {
            return "which names no host although readiness.json lists several"
        }
        if let shard = row.shard, !plan.shardLabels.contains(shard) { return "recorded by shard \(shard), which this check does not cover" }
        if row.shard == nil, plan.shardCount != nil { return "recorded by an unsharded check" }
        if let model = row.model, plan.config.model(named: model)?.critical == false { return nil }
        return "which this check does not measure"
    }
}
