import Foundation
import OllamaKit

/// What a result is about: a model (by identity; `nil` for the fleet), a host and a shard. A check must have
/// exactly one result of each key it expects.
package struct ResultKey: Hashable, Sendable {
    package var model: String?
    package var host: String?
    package var shard: String?

    package init(model: String?, host: String?, shard: String?) {
        self.model = model.map { ModelName.identity(of: $0) ?? $0 }
        self.host = host
        self.shard = shard
    }

    /// The key of a recorded result.
    package init(_ result: CriterionResult) {
        self.init(model: result.model, host: result.host, shard: result.shard)
    }
}

extension CheckPlan {
    /// The results a criterion must have in this check, each with the text that names it in a problem.
    /// - Parameters:
    ///   - perModel: One result per critical model (else one for the fleet).
    ///   - asksOllama: One per host: per (model, host) pair, or, fleet-wide, per host; a criterion that needs no
    ///     Ollama is checked once, the fleet's in shard 1, a model's in the shard of its first pair.
    ///   - everyShard: For a fleet-wide criterion that asks Ollama: checked by every shard on the hosts it has
    ///     pairs on (the catalog's `ollama-service` and `success-rate`, over the shard's own queries), else by
    ///     shard 1 on every serving host (a user's).
    package func expectedResults(perModel: Bool, asksOllama: Bool, everyShard: Bool = true) -> [ResultKey: String] {
        var expected: [ResultKey: String] = [:]
        func add(model: String?, host: URL?, shard: Int) {
            let key = ResultKey(model: model, host: host.flatMap(label), shard: shardLabel(shard))
            expected[key] = [model, key.host.map { "on \($0)" }, key.shard.map { "in shard \($0)" }].compactMap { $0 }.joined(separator: " ")
        }
        switch (perModel, asksOllama) {
        case (true, true):
            for pair in checkedPairs { add(model: pair.model, host: pair.host, shard: pair.shard) }
        case (true, false):
            for model in config.criticalModels where shards.contains(shard(checkingOnce: model.name)) {
                add(model: model.name, host: nil, shard: shard(checkingOnce: model.name))
            }
        case (false, true) where everyShard:
            for shard in shards {
                for host in hosts(inShard: shard) { add(model: nil, host: host, shard: shard) }
            }
        case (false, true):
            if shards.contains(1) {
                for host in servingHosts { add(model: nil, host: host, shard: 1) }
            }
        case (false, false):
            if shards.contains(1) { add(model: nil, host: nil, shard: 1) }
        }
        return expected
    }

    /// The results `criterion` must have, judged by its shape: a catalog criterion by its declaration, a user's
    /// by its results (per model when one names a model, per host when one names a host).
    package func expectedResults(of id: String, rows: [CriterionResult]) -> [ResultKey: String] {
        guard let catalog = Criterion.named(id) else {
            return expectedResults(perModel: rows.contains { $0.model != nil }, asksOllama: rows.contains { $0.host != nil }, everyShard: false)
        }
        return expectedResults(perModel: catalog.isPerModel, asksOllama: catalog.needsOllama)
    }

    /// The host labels results of this check may carry.
    package var hostLabels: Set<String> {
        Set(config.ollama.hosts.compactMap(label))
    }

    /// The shard labels results of this check may carry.
    package var shardLabels: Set<String> {
        Set(shards.compactMap(shardLabel))
    }
}
