import Foundation
import ReadinessKit
@testable import ReadinessTesting
import TestFixtures
import Testing

/// Which host checklists a criterion is evaluated with, and how a host that is down fails its pairs.
struct HostChecklistsTests {
    /// Two hosts nothing listens on (the discard port and port 1), model b served by the second alone.
    static let config = #"""
        {"ollama": {"hosts": ["http://127.0.0.1:9", "http://127.0.0.1:1"]},
         "models": [{"name": "a", "prompts": [{"prompt": "p", "expect": ["k"]}]},
                    {"name": "b", "hosts": ["http://127.0.0.1:1"], "prompts": [{"prompt": "p", "expect": ["k"]}]}]}
        """#

    static func withHosts(shard: Shard? = nil, _ body: (HostChecklists, Checklist) async throws -> Void) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try ReadinessConfig.load(from: DomainFixtures.write(Self.config, to: "readiness.json", in: folder), environment: [:])
            let hosts = HostChecklists(plan: CheckPlan(config: config, shard: shard))
            try await body(hosts, Checklist(config: config, evidence: hosts.first.evidence))
        }
    }

    @Test func `a per-model criterion goes to each host serving the model, a fleet one to each host, a local one once`() async throws {
        try await Self.withHosts { hosts, whole in
            #expect(hosts.targets(.modelsAvailable, model: "a", whole: whole).map(\.host) == ["http://127.0.0.1:9", "http://127.0.0.1:1"])
            #expect(hosts.targets(.modelsAvailable, model: "b", whole: whole).map(\.host) == ["http://127.0.0.1:1"])
            #expect(hosts.targets(.ollamaService, model: nil, whole: whole).map(\.host) == ["http://127.0.0.1:9", "http://127.0.0.1:1"])
            #expect(hosts.targets(.diskSpace, model: nil, whole: whole).map(\.host) == [nil])
            let second = try #require(hosts.targets(.modelsAvailable, model: "b", whole: whole).first)
            #expect(second.checklist.config.ollama.hosts.map(\.absoluteString) == ["http://127.0.0.1:1"])
            #expect(second.checklist.config.criticalModels.map(\.name) == ["a", "b"])
        }
    }

    static let userFleetCriterion = Criterion(
        id: "gpu-memory", title: "GPU memory", area: .systemHealth, severity: .critical, needsOllama: true, isPerModel: false
    )

    @Test func `a user's fleet-wide criterion that asks Ollama runs in shard 1 on every serving host`() async throws {
        try await Self.withHosts(shard: Shard(index: 1, count: 3)) { hosts, whole in
            #expect(hosts.targets(Self.userFleetCriterion, model: nil, whole: whole).map(\.host) == ["http://127.0.0.1:9", "http://127.0.0.1:1"])
            let expected = hosts.plan.expectedResults(of: "gpu-memory", rows: [Self.userFleetCriterion.result(passed: true, message: "ok")].map {
                var row = $0
                row.host = "http://127.0.0.1:1"
                return row
            })
            #expect(Set(expected.keys) == [
                ResultKey(model: nil, host: "http://127.0.0.1:9", shard: "1/3"), ResultKey(model: nil, host: "http://127.0.0.1:1", shard: "1/3"),
            ])
        }
    }

    @Test func `a shard evaluates only its own pairs, and the criteria checked once only in shard 1`() async throws {
        try await Self.withHosts(shard: Shard(index: 2, count: 3)) { hosts, whole in
            let own = hosts.plan.checkedPairs
            #expect(own.count == 1)
            var pairs: [String] = []
            for model in ["a", "b"] {
                pairs += hosts.targets(.quality, model: model, whole: whole).map { model + "@" + ($0.host ?? "") }
            }
            #expect(pairs == own.map { "\($0.model)@\(hosts.plan.label($0.host) ?? "")" })
            #expect(hosts.targets(.backupScripts, model: nil, whole: whole).isEmpty)
            // A user's fleet-wide criterion is shard 1's alone, even when it asks Ollama.
            #expect(hosts.targets(Self.userFleetCriterion, model: nil, whole: whole).isEmpty)
            #expect(hosts.targets(.quality, model: "a", whole: whole).allSatisfy { $0.shard == "2/3" })
        }
    }

    @Test func `a host that is down fails each of its pairs, naming the host`() async throws {
        try await Self.withHosts { hosts, whole in
            for target in hosts.targets(.modelsAvailable, model: "b", whole: whole) {
                let result = target.stamp(await target.checklist.evaluate(.modelsAvailable, model: "b"))
                #expect(!result.passed)
                #expect(result.host == "http://127.0.0.1:1")
                #expect(result.message.contains("Ollama is not reachable at http://127.0.0.1:1"))
                #expect(result.attachmentName == "models-available.b.http%3A%2F%2F127%2E0%2E0%2E1%3A1.criterion.json")
            }
        }
    }
}
