import ReadinessKit
import Foundation
import OllamaKit

extension ReadinessReport {
    /// One shard folder given to a merge, and its report.json as loaded (`load(from:)` refuses an incomplete set).
    package struct ShardInput: Sendable {
        /// The folder as the user typed it.
        package var folder: String
        package var report: Result<ReadinessReport, ReportError>

        package init(folder: String, report: Result<ReadinessReport, ReportError>) {
            self.folder = folder
            self.report = report
        }
    }

    /// Merges the reports of the shards of one sharded check into the report of the whole check.
    ///
    /// The shards' results, tests and problems are judged together by the judgement of any run
    /// (`build(_:gate:plan:context:run:)`) against the plan of all N shards, so a pair no shard measured is
    /// missing, never dropped. Anything that keeps the shards from adding up to that check — a shard missing,
    /// given twice, unreadable or unsharded, or shards that disagree on N, on readiness.json (its SHA-256), on the
    /// hosts, the gate or the tool version — is a problem, so the merge cannot say READY.
    /// - Parameters:
    ///   - shards: The shard folders in the order given.
    ///   - context: The merge's config (its SHA-256 must be the shards'), gate and tool version.
    package static func merge(_ shards: [ShardInput], context: Context) -> ReadinessReport {
        var problems = context.runnerProblems + (context.configProblem.map { [$0] } ?? [])
        let gate = resolveGate(context, problems: &problems)
        let accepted = acceptedShards(shards, context: context, problems: &problems)
        let count = accepted.first?.shard.count ?? 1
        var records = RunAnalysis.Records()
        records.ids = Criterion.all.map(\.id)
        for (folder, shard, report) in accepted {
            add(report, of: "shard \(shard) ('\(folder)')", to: &records)
        }
        for id in gate.criteria where !records.ids.contains(id) { records.ids.append(id) }
        records.problems = problems + records.problems
        let starts = accepted.compactMap { $0.report.timings.runStarted.flatMap(Timestamp.date) }
        let ends = accepted.compactMap { $0.report.timings.runEnded.flatMap(Timestamp.date) }
        var report = build(
            records, gate: gate, plan: context.config.map { CheckPlan(config: $0, mergingShards: count) }, context: context,
            // The whole check ran from its first shard's start to its last shard's end, if every shard ended.
            run: (starts.min()?.timeIntervalSince1970, ends.count == accepted.count ? ends.max()?.timeIntervalSince1970 : nil)
        )
        report.source.mergedShards = shards.map(\.folder)
        report.ollama.version = report.ollama.version ?? accepted.lazy.compactMap(\.report.ollama.version).first
        return report
    }

    /// The shards that can be merged, each once, and a problem for every one that cannot or that disagrees.
    private static func acceptedShards(
        _ shards: [ShardInput], context: Context, problems: inout [RunProblem]
    ) -> [(folder: String, shard: Shard, report: ReadinessReport)] {
        let action = "Merge the report folders of one 'readiness check --shard K/N' per K, all made by this readiness version from this readiness.json and --ollama, with --gate \(context.gateName)."
        func problem(_ message: String) { problems.append(RunProblem(.shard, message, action: action)) }
        let fingerprint = context.config?.loadedFingerprints.config
        let modelfiles = context.config?.loadedFingerprints.modelfiles
        let hosts = context.config?.ollama.redactedHosts ?? []
        var accepted: [(folder: String, shard: Shard, report: ReadinessReport)] = []
        for input in shards {
            let report: ReadinessReport
            switch input.report {
            case .failure(let error):
                problem("the shard '\(input.folder)' cannot be merged: \(error)")
                continue
            case .success(let loaded):
                report = loaded
            }
            guard let shard = report.source.shard.flatMap(Shard.init(parsing:)) else {
                problem("'\(input.folder)' is not the report of a shard: it was made without 'readiness check --shard K/N'")
                continue
            }
            if let first = accepted.first, first.shard.count != shard.count {
                problem("'\(input.folder)' is shard \(shard) but '\(first.folder)' is shard \(first.shard): the shards disagree on N")
                continue
            }
            if let earlier = accepted.first(where: { $0.shard == shard }) {
                problem("shard \(shard) is given twice: '\(earlier.folder)' and '\(input.folder)'")
                continue
            }
            if report.source.configSHA256 == nil || report.source.configSHA256 != fingerprint {
                problem("shard \(shard) ('\(input.folder)') was made from another readiness.json (SHA-256 \(report.source.configSHA256?.prefix(12) ?? "unknown"), not \(fingerprint?.prefix(12) ?? "unknown"))")
            }
            if let config = context.config, let recorded = report.source.modelfileSHA256, recorded != modelfiles {
                let changed = config.changedModelfiles(since: recorded)
                problem("shard \(shard) ('\(input.folder)') was made from other Modelfiles: \(changed.isEmpty ? "a model readiness.json no longer names" : changed.joined(separator: ", "))")
            } else if report.source.modelfileSHA256 == nil {
                problem("shard \(shard) ('\(input.folder)') records no fingerprints of its Modelfiles, so it cannot be tied to these")
            }
            if report.tool.version != context.toolVersion {
                problem("shard \(shard) ('\(input.folder)') was made by readiness \(report.tool.version), not \(context.toolVersion)")
            }
            if report.gate.name != context.gateName {
                problem("shard \(shard) ('\(input.folder)') decided gate '\(report.gate.name)', not '\(context.gateName)'")
            }
            // Every shard must have checked the servers the merge speaks for, one host or several.
            let checked = report.ollama.checkedHosts
            if checked != hosts {
                problem("shard \(shard) ('\(input.folder)') checked \(checked.joined(separator: ", ")), not \(hosts.joined(separator: ", ")); give the merge the shards' --ollama")
            }
            accepted.append((input.folder, shard, report))
        }
        if let count = accepted.first?.shard.count {
            let missing = (1...count).filter { index in !accepted.contains { $0.shard.index == index } }
            if !missing.isEmpty {
                problem("the merge lacks \(missing.count == 1 ? "shard" : "shards") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) of \(count)")
            }
        } else if problems.isEmpty {
            problem("no shard report could be read")
        }
        return accepted
    }

    /// Adds one shard's criteria (results, and their tests' failures, skips and unfinished runs), its unlisted
    /// tests and its problems, each named by `name`.
    private static func add(_ report: ReadinessReport, of name: String, to records: inout RunAnalysis.Records) {
        for criterion in report.criteria {
            if !records.ids.contains(criterion.id) { records.ids.append(criterion.id) }
            records.rows[criterion.id, default: []] += criterion.rows
            // A criterion this shard did not owe, and whose tests recorded nothing, says nothing here.
            guard !criterion.tests.isEmpty, !criterion.rows.isEmpty || criterion.required || !criterion.testFailures.isEmpty || criterion.status == .skipped
            else { continue }
            let state: RunEvidence.Test.State = criterion.rows.isEmpty && criterion.status == .skipped ? .skipped
                : criterion.rows.isEmpty && criterion.status == .missing ? .declared : .ended
            records.tests[criterion.id, default: []].append(RunEvidence.Test(
                id: "\(name) \(criterion.tests.joined(separator: ", "))", name: criterion.tests[0], displayName: nil,
                isSuite: false, isParameterized: false, state: state,
                skipReason: state == .skipped ? String(criterion.message.trimmingPrefix("skipped: ")) : nil, failures: criterion.testFailures, warnings: criterion.warnings
            ))
        }
        records.unlisted += report.unlistedTests.map { UnlistedTest(test: "\(name): \($0.test)", status: $0.status, messages: $0.messages) }
        records.problems += report.problems.map { RunProblem($0.kind, "\(name): \($0.message)", action: $0.action) }
    }
}
