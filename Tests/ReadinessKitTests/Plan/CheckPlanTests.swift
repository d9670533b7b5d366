import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

/// The partition of (model, host) pairs into shards, and what each shard must record.
struct CheckPlanTests {
    static let twoHosts = DomainFixtures.mirador.appendingPathComponent("two-hosts.json")

    static func config(_ file: URL = twoHosts, environment: [String: String] = [:]) throws -> ReadinessConfig {
        try ReadinessConfig.load(from: file, environment: environment)
    }

    @Test func `pairs are every critical model on every host serving it, sorted by identity then host`() throws {
        let plan = CheckPlan(config: try Self.config())
        #expect(plan.pairs.count == 11)
        #expect(plan.pairs.filter { $0.model == "financial_planning_expert_v6" }.map(\.hostIndex) == [0])
        #expect(plan.pairs.map(\.model) == plan.pairs.map(\.model).sorted())
        #expect(plan.pairs.allSatisfy { $0.shard == 1 })
        #expect(plan.label(plan.pairs[0].host) == "http://127.0.0.1:11501")
    }

    @Test(arguments: [1, 2, 3, 5, 11])
    func `shards are deterministic, disjoint and together cover every pair once`(count: Int) throws {
        let config = try Self.config()
        let shards = (1...count).map { CheckPlan(config: config, shard: Shard(index: $0, count: count)) }
        let checked = shards.flatMap(\.checkedPairs)
        #expect(checked.count == 11)
        #expect(Set(checked.map { "\($0.model)@\($0.hostIndex)" }).count == 11)
        #expect(shards.allSatisfy { !$0.checkedPairs.isEmpty })
        // Built again, the same shard checks the same pairs.
        let again = (1...count).map { CheckPlan(config: try! Self.config(), shard: Shard(index: $0, count: count)).checkedPairs }
        #expect(again == shards.map(\.checkedPairs))
        // Their sizes differ by at most one.
        let sizes = shards.map(\.checkedPairs.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
    }

    @Test func `what each shard must record adds up to what the merge expects`() throws {
        let config = try Self.config()
        let merged = CheckPlan(config: config, mergingShards: 3)
        for criterion in Criterion.all {
            let parts = (1...3).map { CheckPlan(config: config, shard: Shard(index: $0, count: 3)) }
                .map { $0.expectedResults(perModel: criterion.isPerModel, asksOllama: criterion.needsOllama) }
            let whole = merged.expectedResults(perModel: criterion.isPerModel, asksOllama: criterion.needsOllama)
            #expect(parts.reduce(0) { $0 + $1.count } == whole.count, "\(criterion.id)")
            #expect(parts.reduce(into: Set<ResultKey>()) { $0.formUnion($1.keys) } == Set(whole.keys), "\(criterion.id)")
        }
        // Fleet-wide criteria that need no Ollama are shard 1's alone; per-host service checks are every shard's.
        let backup = (1...3).map { CheckPlan(config: config, shard: Shard(index: $0, count: 3)).expectedResults(perModel: false, asksOllama: false).count }
        #expect(backup == [1, 0, 0])
        let service = merged.expectedResults(perModel: false, asksOllama: true)
        #expect(service.count == 6)
        #expect(service.keys.contains(ResultKey(model: nil, host: "http://127.0.0.1:11502", shard: "2/3")))
    }

    @Test func `a host's config holds that host and the critical models paired with it in the shard`() throws {
        let config = try Self.config()
        let plan = CheckPlan(config: config, shard: Shard(index: 1, count: 2))
        let second = config.ollama.hosts[1]
        let narrowed = plan.config(forHost: second)
        #expect(narrowed.ollama.hosts == [second])
        #expect(Set(narrowed.criticalModels.map(\.name)) == Set(plan.checkedPairs.filter { $0.host == second }.map(\.model)))
        #expect(!narrowed.criticalModels.contains { $0.name == "financial_planning_expert_v6" })
    }

    @Test func `one host and no shard: no labels, one pair per critical model`() throws {
        let plan = CheckPlan(config: try Self.config(DomainFixtures.mirador.appendingPathComponent("readiness.json")))
        #expect(plan.pairs.count == 6)
        #expect(plan.pairs.allSatisfy { plan.label($0.host) == nil })
        #expect(plan.expectedResults(perModel: false, asksOllama: true).keys.first == ResultKey(model: nil, host: nil, shard: nil))
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "a/3", "1/3/1", "-1/3", "1/1001", " 1/3", "1/"])
    func `a shard that is not K of N is refused`(_ text: String) {
        #expect(Shard(parsing: text) == nil)
    }

    @Test func `K/N reads and prints as typed`() {
        #expect(Shard(parsing: "2/3")?.description == "2/3")
        #expect(Shard(parsing: "1/1")?.runsFleetCriteria == true)
    }
}
