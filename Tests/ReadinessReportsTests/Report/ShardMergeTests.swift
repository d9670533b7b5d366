import Foundation
import OllamaKit
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// `ReadinessReport.merge`: shard reports built in-process from results of exactly the pairs each shard owes,
/// then merged whole, short of one, twice, or from another config.
struct ShardMergeTests {
    static func config() throws -> ReadinessConfig {
        try ReadinessConfig.load(from: DomainFixtures.mirador.appendingPathComponent("two-hosts.json"), environment: [:])
    }

    static func context(_ config: ReadinessConfig, shard: Shard? = nil) -> ReadinessReport.Context {
        .init(config: config, gateName: "phase2", generatedAt: StreamFixtures.generatedAt, toolVersion: ToolVersion.current, shard: shard)
    }

    /// The report of one shard (or of an unsharded check) whose every owed result passes, except those `failing` names.
    static func report(_ config: ReadinessConfig, shard: Shard?, failing: (CriterionResult) -> Bool = { _ in false }) -> ReadinessReport {
        let plan = CheckPlan(config: config, shard: shard)
        var records = RunAnalysis.Records()
        records.ids = Criterion.all.map(\.id)
        for criterion in Criterion.all {
            var results: [CriterionResult] = []
            if criterion.isPerModel {
                results = plan.checkedPairs.map { pair in
                    var result = criterion.result(model: pair.model, passed: true, message: "\(pair.model) is fine")
                    (result.host, result.shard) = (plan.label(pair.host), plan.shardLabel(pair.shard))
                    return result
                }
            } else if criterion.needsOllama {
                results = plan.hosts(inShard: plan.shards[0]).map { host in
                    var result = criterion.result(passed: true, message: "fine")
                    (result.host, result.shard) = (plan.label(host), plan.shardLabel(plan.shards[0]))
                    return result
                }
            } else if plan.shards.contains(1) {
                var result = criterion.result(passed: true, message: "fine")
                result.shard = plan.shardLabel(1)
                results = [result]
            }
            records.rows[criterion.id] = results.map { result in
                var result = result
                if failing(result) { result.passed = false; result.message = "broken" }
                return result
            }
        }
        let gate = config.gate(named: "phase2")!
        var report = ReadinessReport.build(records, gate: gate, plan: plan, context: context(config, shard: shard), run: (1_795_600_000, 1_795_600_060))
        report.source.shard = shard?.description
        return report
    }

    static func shards(_ config: ReadinessConfig, count: Int = 3) -> [ReadinessReport.ShardInput] {
        (1...count).map { index in
            .init(folder: "shard-\(index)", report: .success(report(config, shard: Shard(index: index, count: count))))
        }
    }

    static func merge(_ inputs: [ReadinessReport.ShardInput], config: ReadinessConfig) -> ReadinessReport {
        ReadinessReport.merge(inputs, context: context(config))
    }

    @Test func `every shard is READY on its own, and three merge to READY with exactly the criteria of an unsharded check`() throws {
        let config = try Self.config()
        let inputs = Self.shards(config)
        for input in inputs { #expect(try input.report.get().verdict == .ready, "\(input.folder)") }
        let merged = Self.merge(inputs, config: config)
        let unsharded = Self.report(config, shard: nil)
        #expect(unsharded.verdict == .ready)
        #expect(merged.verdict == .ready, "\(merged.problems.map(\.message))")
        #expect(merged.criteria.map(\.id) == unsharded.criteria.map(\.id))
        #expect(merged.gate.criteria == unsharded.gate.criteria)
        #expect(merged.criteria.map(\.status) == unsharded.criteria.map(\.status))
        let perModel = merged.criteria.first { $0.id == "models-available" }
        #expect(perModel?.rows.count == 11)
        #expect(merged.models.allSatisfy { $0.status == .passed })
        #expect(merged.source.mergedShards == ["shard-1", "shard-2", "shard-3"])
        #expect(merged.timings.durationSeconds == 60)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var inputs: @Sendable ([ReadinessReport.ShardInput]) -> [ReadinessReport.ShardInput]
        var message: String
    }

    static func edit(_ index: Int, _ change: @escaping @Sendable (inout ReadinessReport) -> Void) -> @Sendable ([ReadinessReport.ShardInput]) -> [ReadinessReport.ShardInput] {
        { inputs in
            var inputs = inputs
            var report = try! inputs[index].report.get()
            change(&report)
            inputs[index].report = .success(report)
            return inputs
        }
    }

    static let cases: [Case] = [
        Case(testDescription: "a shard missing", inputs: { Array($0.prefix(2)) }, message: "the merge lacks shard 3/3 of 3"),
        Case(testDescription: "a shard given twice", inputs: { $0 + [ReadinessReport.ShardInput(folder: "again", report: $0[1].report)] },
             message: "shard 2/3 is given twice: 'shard-2' and 'again'"),
        Case(testDescription: "a shard made from another config", inputs: edit(2) { $0.source.configSHA256 = "0123456789abcdef" },
             message: "shard 3/3 ('shard-3') was made from another readiness.json (SHA-256 0123456789ab, not "),
        Case(testDescription: "a shard of another N", inputs: edit(1) { $0.source.shard = "2/4" },
             message: "'shard-2' is shard 2/4 but 'shard-1' is shard 1/3: the shards disagree on N"),
        Case(testDescription: "a shard of another version", inputs: edit(0) { $0.tool.version = "0.0.1" },
             message: "shard 1/3 ('shard-1') was made by readiness 0.0.1, not \(ToolVersion.current)"),
        Case(testDescription: "a shard against other hosts", inputs: edit(0) { $0.ollama.hosts = ["http://10.9.9.9:11434", "http://127.0.0.1:11502"] },
             message: "shard 1/3 ('shard-1') checked http://10.9.9.9:11434, http://127.0.0.1:11502, not http://127.0.0.1:11501, http://127.0.0.1:11502"),
        Case(testDescription: "an unsharded report", inputs: edit(0) { $0.source.shard = nil },
             message: "'shard-1' is not the report of a shard: it was made without 'readiness check --shard K/N'"),
        Case(testDescription: "an incomplete shard", inputs: { inputs in
            var inputs = inputs
            inputs[1].report = .failure(.incomplete("shard-2/report.json", reason: "there is no report.complete beside it"))
            return inputs
        }, message: "the shard 'shard-2' cannot be merged"),
        Case(testDescription: "a shard whose results were dropped", inputs: edit(2) { report in
            report.criteria = report.criteria.map { var criterion = $0; criterion.rows.removeAll { $0.model != nil }; return criterion }
        }, message: "no result of 'models-available' for"),
        Case(testDescription: "a shard carrying a pair of another shard", inputs: edit(0) { report in
            let index = report.criteria.firstIndex { $0.id == "quality" }!
            var stolen = report.criteria[index].rows[0]
            stolen.shard = "2/3"
            report.criteria[index].rows.append(stolen)
        }, message: "in shard 2/3, which this check does not measure: the evidence is not of this check"),
    ]

    @Test(arguments: cases)
    func `a merge of shards that do not add up is UNDECIDED, naming the problem`(_ row: Case) throws {
        let config = try Self.config()
        let merged = Self.merge(row.inputs(Self.shards(config)), config: config)
        #expect(merged.verdict == .undecided)
        #expect(merged.problems.contains { $0.message.contains(row.message) }, "\(merged.problems.map(\.message))")
    }

    @Test func `one shard whose model fails on a host makes the merge NOT READY, naming model and host`() throws {
        let config = try Self.config()
        var inputs = Self.shards(config)
        let broken = Self.report(config, shard: Shard(index: 2, count: 3)) { $0.id == "models-available" && $0.host == "http://127.0.0.1:11502" }
        #expect(broken.verdict == .notReady)
        inputs[1].report = .success(broken)
        let merged = Self.merge(inputs, config: config)
        #expect(merged.verdict == .notReady)
        let reason = try #require(merged.reasons.first { $0.hasPrefix("models-available failed") })
        #expect(reason.contains("on http://127.0.0.1:11502"))
        let failed = merged.models.filter { $0.status == .failed }
        #expect(!failed.isEmpty)
        #expect(failed.allSatisfy { $0.hosts?.first { $0.host == "http://127.0.0.1:11502" }?.status == .failed })
        #expect(failed.allSatisfy { $0.hosts?.first { $0.host == "http://127.0.0.1:11501" }?.status == .passed })
    }

    @Test func `a migration step is not decided on one shard's report, which holds its model on one host of two`() throws {
        let config = try Self.config()
        var report = Self.report(config, shard: Shard(index: 1, count: 2))
        report.timings.runStarted = Timestamp.iso8601WithMilliseconds(Date())
        let first = config.modelsInMigrationOrder[0].name
        #expect(report.verdict == .ready)
        #expect(report.criteria.first { $0.id == "models-available" }?.rows.filter { $0.model == first }.count == 1)
        let decision = StepGate.decide(step: 1, config: config, report: report, backups: [first])
        #expect(decision.outcome == .undecided)
        #expect(decision.blockers.contains { $0.hasPrefix("the last report is of shard 1/2 alone") }, "\(decision.blockers)")
    }

    @Test func `a model served by one host stands on that host alone in the grid`() throws {
        let merged = Self.merge(Self.shards(try Self.config()), config: try Self.config())
        let grid = try #require(HostGrid(merged))
        let row = try #require(grid.rows.first { $0.model == "financial_planning_expert_v6" })
        #expect(row.cells.map { $0?.status } == [.passed, nil])
        #expect(grid.summaryLines() == ["http://127.0.0.1:11501: 6 of 6 models pass", "http://127.0.0.1:11502: 5 of 5 models pass"])
        #expect(MarkdownRenderer.render(merged).contains("| financial_planning_expert_v6 | ✅ PASS | — |"))
        #expect(HTMLRenderer.render(merged).contains("<th>http://127.0.0.1:11502</th>"))
        #expect(JUnitRenderer.render(merged).contains("name=\"quality[decision_simplifier_v2 @ http://127.0.0.1:11502]\" time=\""))
    }
}
