import Foundation
import OllamaKit

/// What one readiness check covers: the (critical model, host) pairs of the fleet, which shard each belongs to,
/// and which of them this check — one shard, every shard of a merge, or an unsharded run — must measure.
///
/// The suites (through `ReadinessFixture`) and the runner build the same plan from the same readiness.json,
/// so the pairs a shard measures and the results its report expects cannot disagree.
package struct CheckPlan: Sendable {
    /// One critical model on one host that serves it.
    package struct Pair: Sendable, Equatable {
        /// The model's name as readiness.json writes it.
        package var model: String
        /// The host, after `--ollama` and the environment.
        package var host: URL
        /// The host's position in `ollama.hosts`.
        package var hostIndex: Int
        /// The shard that measures it, from 1 (1 in an unsharded check).
        package var shard: Int
    }

    package let config: ReadinessConfig
    /// N of a sharded check or merge; `nil` for an unsharded check.
    package let shardCount: Int?
    /// The shards this check covers: one for `check --shard`, all for a merge, `[1]` unsharded.
    package let shards: [Int]
    /// Every pair of the fleet, sorted by the model's identity then the host's position, each with its shard.
    package let pairs: [Pair]

    /// The plan of one check: unsharded when `shard` is `nil`.
    package init(config: ReadinessConfig, shard: Shard? = nil) {
        self.init(config: config, shardCount: shard?.count, shards: [shard?.index ?? 1])
    }

    /// The plan of a merge of all `shardCount` shards.
    package init(config: ReadinessConfig, mergingShards shardCount: Int) {
        self.init(config: config, shardCount: shardCount, shards: Array(1...max(1, shardCount)))
    }

    private init(config: ReadinessConfig, shardCount: Int?, shards: [Int]) {
        self.config = config
        self.shardCount = shardCount
        self.shards = shards
        let positions = Dictionary(config.ollama.hosts.enumerated().map { ($1, $0) }) { first, _ in first }
        let unsorted = config.criticalModels.flatMap { model in
            config.hosts(serving: model).map { (identity: ModelName.identity(of: model.name) ?? model.name, model: model.name, host: $0, index: positions[$0] ?? 0) }
        }
        let count = shardCount ?? 1
        pairs = unsorted.sorted { ($0.identity, $0.index) < ($1.identity, $1.index) }.enumerated().map { position, pair in
            Pair(model: pair.model, host: pair.host, hostIndex: pair.index, shard: position % count + 1)
        }
    }

    /// How results name `host`: redacted when the fleet has several hosts, else `nil` (one host needs no name).
    package func label(_ host: URL) -> String? {
        config.hasSeveralHosts ? OllamaHost.redacted(host.absoluteString) : nil
    }

    /// How results of shard `index` name it, e.g. "2/3"; `nil` when unsharded.
    package func shardLabel(_ index: Int) -> String? {
        shardCount.map { "\(index)/\($0)" }
    }

    /// The pairs this check measures.
    package var checkedPairs: [Pair] {
        pairs.filter { shards.contains($0.shard) }
    }

    /// The hosts this check measures `model` on, in host order; empty when none of its pairs is in this check.
    package func hosts(checking model: String) -> [URL] {
        let identity = ModelName.identity(of: model) ?? model
        return checkedPairs.filter { (ModelName.identity(of: $0.model) ?? $0.model) == identity }.map(\.host)
    }

    /// The hosts shard `index` asks fleet-wide questions of (`ollama-service`, `success-rate`): those it has a pair on.
    package func hosts(inShard index: Int) -> [URL] {
        // A fleet with no critical model still has its service checked, once, by the first shard.
        guard !pairs.isEmpty else { return index == 1 ? config.ollama.hosts : [] }
        return config.ollama.hosts.filter { host in pairs.contains { $0.shard == index && $0.host == host } }
    }

    /// The hosts serving at least one critical model (all of them when no model is critical): where a fleet-wide
    /// criterion of a user's that asks Ollama is checked, by shard 1.
    package var servingHosts: [URL] {
        pairs.isEmpty ? config.ollama.hosts : config.ollama.hosts.filter { host in pairs.contains { $0.host == host } }
    }

    /// The shard that checks a criterion needing no Ollama: for `model`, the shard of its first pair; for the
    /// fleet (`nil`), shard 1.
    package func shard(checkingOnce model: String?) -> Int {
        guard let model else { return 1 }
        let identity = ModelName.identity(of: model) ?? model
        return pairs.first { (ModelName.identity(of: $0.model) ?? $0.model) == identity }?.shard ?? 1
    }

    /// The config one host is checked with: that host alone, and of the critical models only those whose pair
    /// with it this check measures (so its performance run sends exactly their prompts).
    package func config(forHost host: URL) -> ReadinessConfig {
        var narrowed = config
        let measured = Set(checkedPairs.filter { $0.host == host }.map { ModelName.identity(of: $0.model) ?? $0.model })
        narrowed.models = config.models.filter { model in
            model.critical ? measured.contains(ModelName.identity(of: model.name) ?? model.name) : config.hosts(serving: model).contains(host)
        }
        narrowed.ollama.host = host
        return narrowed
    }
}
