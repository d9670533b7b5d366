import Foundation
import OllamaKit

/// The verdict's first rule: results stand for the fleet only when there is one, and only one, for every
/// (criterion the gate requires) × (critical model) — or one fleet-wide result for a fleet-wide criterion.
/// A model that was never measured is not a model that passed.
enum EvidenceCompleteness {
    /// Checks the required criteria that have results; a criterion whose results are incomplete or contradict
    /// each other is marked `.missing` (it proves nothing either way) and a problem names what is missing.
    /// - Parameters:
    ///   - criteria: The merged criteria; incomplete required ones are changed in place.
    ///   - criticalModels: The config's critical models, by their configured names.
    ///   - knownModels: Every model the config names; a result for another model is not evidence of this fleet.
    /// - Returns: One problem per incomplete or inconsistent criterion.
    static func check(_ criteria: inout [CriterionOutcome], criticalModels: [String], knownModels: [String]) -> [RunProblem] {
        var problems: [RunProblem] = []
        for index in criteria.indices where criteria[index].required && !criteria[index].rows.isEmpty {
            let criterion = criteria[index]
            let (conflicting, tainted) = conflicts(criterion, knownModels: knownModels)
            let gaps = conflicting + missing(criterion, criticalModels: criticalModels)
            guard !gaps.isEmpty else { continue }
            problems += gaps
            // A shortfall on consistent evidence still blocks (no further result could make it pass); a pass on
            // partial evidence, or a failure only contradictory or foreign results show, proves nothing.
            let trustedFailure = criterion.rows.contains { !$0.passed && !tainted.contains(key($0)) }
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

    /// The model's identity by Ollama's rules ("x" is "x:latest", case-insensitive); an invalid name stays as written.
    static func identity(_ model: String) -> String {
        ModelName.identity(of: model) ?? model
    }

    private static func missing(_ criterion: CriterionOutcome, criticalModels: [String]) -> [RunProblem] {
        let action = "Run the readiness suites with this readiness.json so every critical model is measured, and pass every attachment (--attachments DIR)."
        guard isPerModel(criterion) else {
            guard criterion.rows.contains(where: { $0.model == nil }) else {
                return [RunProblem(.resultMissing, "no fleet-wide result of '\(criterion.id)'", action: action)]
            }
            return []
        }
        let measured = Set(criterion.rows.compactMap(\.model).map(identity))
        let unmeasured = criticalModels.filter { !measured.contains(identity($0)) }
        guard !unmeasured.isEmpty else { return [] }
        return [RunProblem(.resultMissing, "no result of '\(criterion.id)' for \(unmeasured.joined(separator: ", "))", action: action)]
    }

    private static func key(_ row: CriterionResult) -> String { row.model.map(identity) ?? "" }

    /// The contradictions among a criterion's results, and the models (by identity; "" for fleet-wide) they taint.
    private static func conflicts(_ criterion: CriterionOutcome, knownModels: [String]) -> ([RunProblem], Set<String>) {
        let action = "Run the check again into an empty attachments folder, with the readiness.json the suites ran with."
        var problems: [RunProblem] = []
        var tainted = Set<String>()
        let known = Set(knownModels.map(identity))
        var byModel: [String: [CriterionResult]] = [:]
        var order: [String] = []
        for row in criterion.rows {
            let key = key(row)
            if byModel[key] == nil { order.append(key) }
            byModel[key, default: []].append(row)
        }
        for key in order {
            let rows = byModel[key, default: []]
            let name = rows[0].model.map { "for \($0)" } ?? "fleet-wide"
            if Set(rows.map(\.passed)).count > 1 {
                tainted.insert(key)
                problems.append(RunProblem(
                    .resultConflict, "'\(criterion.id)' was recorded \(rows.count) times \(name) with different outcomes (passed and failed)",
                    action: action
                ))
            } else if rows.count > 1, rows.contains(where: { $0 != rows[0] }) {
                problems.append(RunProblem(
                    .resultConflict, "'\(criterion.id)' was recorded \(rows.count) times \(name) with different measurements", action: action
                ))
            }
        }
        if isPerModel(criterion) {
            if criterion.rows.contains(where: { $0.model == nil }) {
                tainted.insert("")
                problems.append(RunProblem(.resultConflict, "'\(criterion.id)' is per model but has a fleet-wide result", action: action))
            }
        } else if let row = criterion.rows.first(where: { $0.model != nil }), let model = row.model {
            criterion.rows.forEach { if $0.model != nil { tainted.insert(key($0)) } }
            problems.append(RunProblem(.resultConflict, "'\(criterion.id)' is fleet-wide but has a result for \(model)", action: action))
        }
        let strangers = criterion.rows.compactMap(\.model).filter { !known.contains(identity($0)) }
        if !knownModels.isEmpty, !strangers.isEmpty {
            strangers.forEach { tainted.insert(identity($0)) }
            problems.append(RunProblem(
                .resultConflict,
                "'\(criterion.id)' has a result for \(strangers.joined(separator: ", ")), which readiness.json does not name: the evidence is not of this fleet",
                action: action
            ))
        }
        return (problems, tainted)
    }
}
