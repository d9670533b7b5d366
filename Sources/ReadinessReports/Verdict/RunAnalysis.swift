import ReadinessKit
import Foundation

/// The criteria of a run: results read from the attachments, merged by id, joined with how their tests ended.
package struct RunAnalysis: Sendable, Equatable {
    /// The catalog's criteria first (the order of the README's criteria table), then others in the order they appeared.
    package var criteria: [CriterionOutcome]
    /// Readiness tests that failed or were skipped without recording a criterion.
    package var unlisted: [UnlistedTest]
    /// Everything that keeps the evidence from being complete: the stream's problems, bad attachments,
    /// criteria the gate requires that have no result.
    package var problems: [RunProblem]

    /// What a run recorded, before it is judged: the results and the tests of each criterion, the readiness
    /// tests that recorded none, and the problems of the evidence. A run's event stream gives one
    /// (`gather(_:required:locator:)`); the reports of a sharded check's shards give one together (a merge).
    package struct Records: Sendable {
        /// Criterion ids in the order they were first seen.
        package var ids: [String] = []
        package var rows: [String: [CriterionResult]] = [:]
        package var tests: [String: [RunEvidence.Test]] = [:]
        package var unlisted: [UnlistedTest] = []
        package var problems: [RunProblem] = []

        package init() {}
    }

    /// Merges the evidence into criteria.
    /// - Parameters:
    ///   - evidence: The run, as read from its event stream.
    ///   - required: The criterion ids the gate requires.
    ///   - allCritical: Whether every critical criterion with a result or a test is required too.
    ///   - modelOrder: Model names in migration order, to sort per-model rows.
    ///   - plan: The (model, host) pairs and shards the run covers, so every result it expects is checked for
    ///     and a result for another model, host or shard is a problem; `nil` when there is no config.
    ///   - severities: readiness.json's severities for catalog criteria (a catalog criterion's severity comes from
    ///     the catalog and the config, never from what an attachment claims).
    ///   - locator: Where to find the attachment files.
    package static func analyze(
        _ evidence: RunEvidence, required: [String], allCritical: Bool = false, modelOrder: [String],
        plan: CheckPlan? = nil, severities: [String: CriterionResult.Severity] = [:], locator: AttachmentLocator
    ) -> RunAnalysis {
        judge(
            gather(evidence, required: required, locator: locator), required: required, allCritical: allCritical,
            modelOrder: modelOrder, plan: plan, severities: severities
        )
    }

    /// Reads a run's criterion results and tests from its event stream and attachments.
    package static func gather(_ evidence: RunEvidence, required: [String], locator: AttachmentLocator) -> Records {
        var records = Records()
        records.problems = evidence.problems
        records.ids = Criterion.all.map(\.id)
        var recordingTests = Set<String>()
        for test in evidence.tests {
            for path in test.attachments where path.hasSuffix(CriterionResult.attachmentSuffix) {
                recordingTests.insert(test.id)
                switch CriterionResultLoader.load(locator.locate(path)) {
                case .success(let result):
                    // A built-in criterion counts only from its own built-in test: any other test could claim it.
                    if Criterion.named(result.id) != nil, !isCatalogTest(test, of: result.id) {
                        records.problems.append(RunProblem(
                            .resultConflict,
                            "'\(test.path)' recorded a result of the built-in criterion '\(result.id)', which only its own test in \(Criterion.catalogModule) may record",
                            action: "Give your own criterion an id of its own (a Criterion you declare), then run the check again."
                        ))
                        continue
                    }
                    if !records.ids.contains(result.id) { records.ids.append(result.id) }
                    records.rows[result.id, default: []].append(result)
                    if !(records.tests[result.id] ?? []).contains(where: { $0.id == test.id }) {
                        records.tests[result.id, default: []].append(test)
                    }
                case .failure(let problem):
                    records.problems.append(problem)
                }
            }
        }
        for id in required where !records.ids.contains(id) { records.ids.append(id) }

        // Every test of the run counts: the runner runs the readiness package, whatever its test target is called.
        for test in evidence.tests where !recordingTests.contains(test.id) {
            if !test.isSuite, let id = criterionID(forFunction: test.name), records.ids.contains(id) {
                records.tests[id, default: []].append(test)
            } else if test.failed {
                records.unlisted.append(UnlistedTest(test: test.path, status: .failed, messages: test.failures))
            } else if test.state == .skipped && !test.isSuite {
                records.unlisted.append(UnlistedTest(test: test.path, status: .skipped, messages: [test.skipReason ?? "skipped"]))
            }
        }
        if !evidence.runFailures.isEmpty {
            records.unlisted.append(UnlistedTest(test: "(run)", status: .failed, messages: evidence.runFailures))
        }
        return records
    }

    /// Judges gathered records: merges each criterion's results and tests, marks what the gate requires, and
    /// checks the evidence is complete for `plan`. The one judgement of a run, sharded or not.
    package static func judge(
        _ records: Records, required: [String], allCritical: Bool = false, modelOrder: [String],
        plan: CheckPlan? = nil, severities: [String: CriterionResult.Severity] = [:]
    ) -> RunAnalysis {
        var problems = records.problems
        let rank = Dictionary(modelOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let hostRank = Dictionary((plan?.config.ollama.hosts ?? []).enumerated().compactMap { index, host in plan?.label(host).map { ($0, index) } }) { first, _ in first }
        // Fleet-wide rows first, then models in migration order, then models the config does not list, by name;
        // a model's rows in host order, then by shard.
        func order(_ result: CriterionResult) -> (Int, String, Int, String) {
            let host = result.host.map { hostRank[$0] ?? .max } ?? -1
            guard let model = result.model else { return (-1, "", host, result.shard ?? "") }
            return (rank[model] ?? .max, model, host, result.shard ?? "")
        }
        var criteria = records.ids.map { id in
            let rows = (records.rows[id] ?? []).sorted { order($0) < order($1) }
            let ran = !rows.isEmpty || records.tests[id] != nil
            let severity = severity(of: id, rows: rows, severities: severities)
            // A shard requires only the criteria it has results to record (the others belong to other shards); a
            // criterion with results, or any criterion of a fleet with no critical model, is always owed.
            let owed = plan.map { !rows.isEmpty || $0.pairs.isEmpty || !$0.expectedResults(of: id, rows: rows).isEmpty } ?? true
            return CriterionOutcome.merge(
                id: id, rows: rows, tests: records.tests[id] ?? [], severity: severity,
                required: owed && (required.contains(id) || (allCritical && ran && severity == .critical))
            )
        }
        let missing = criteria.filter { $0.required && $0.status == .missing && $0.rows.isEmpty }
        if !missing.isEmpty {
            problems.append(RunProblem(
                .criterionMissing,
                "the gate requires \(missing.count == 1 ? "a criterion" : "\(missing.count) criteria") without a result: "
                    + Self.grouped(missing),
                action: "Make sure the readiness suites record \(missing.map(\.id).joined(separator: ", ")) (not filtered out and not crashed), then run again."
            ))
        }
        problems += EvidenceCompleteness.check(&criteria, plan: plan)
        return RunAnalysis(criteria: criteria, unlisted: records.unlisted, problems: problems)
    }

    /// "'a', 'b' (why); 'c' (why)": criteria sharing a message are named together.
    private static func grouped(_ criteria: [CriterionOutcome]) -> String {
        var messages: [String] = []
        var ids: [String: [String]] = [:]
        for criterion in criteria {
            if ids[criterion.message] == nil { messages.append(criterion.message) }
            ids[criterion.message, default: []].append("'\(criterion.id)'")
        }
        return messages.map { "\(ids[$0, default: []].joined(separator: ", ")) (\($0))" }.joined(separator: "; ")
    }

    /// A catalog criterion's severity is the catalog's, or readiness.json's; a user's criterion is critical when
    /// any of its results (or none at all) says so, so one edited attachment cannot turn a failure into a warning.
    static func severity(
        of id: String, rows: [CriterionResult], severities: [String: CriterionResult.Severity]
    ) -> CriterionResult.Severity {
        if let catalog = Criterion.named(id) { return severities[id] ?? catalog.severity }
        return rows.allSatisfy { $0.severity == .recommended } && !rows.isEmpty ? .recommended : .critical
    }

    /// Whether `test` is the built-in test of the catalog criterion `id`: a function of the criteria module whose
    /// name stands for the id (`ReadinessCriteria.Readiness/Availability/modelsAvailable(model:)`).
    static func isCatalogTest(_ test: RunEvidence.Test, of id: String) -> Bool {
        test.module == Criterion.catalogModule && criterionID(forFunction: test.name) == id
    }

    /// The criterion id a test function stands for by naming convention: `modelsAvailable(model:)` → `models-available`.
    static func criterionID(forFunction name: String) -> String? {
        let base = name.prefix { $0 != "(" }
        guard !base.isEmpty else { return nil }
        var id = ""
        for character in base {
            if character.isUppercase {
                id += "-" + character.lowercased()
            } else {
                id.append(character)
            }
        }
        return id
    }
}
