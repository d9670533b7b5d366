import Foundation
import OllamaKit

/// What a result is about: a model (by identity; `nil` for the fleet), a host and a shard. A check must have
/// exactly one result of each key it expects.
public struct ResultKey: Hashable, Sendable {
    public var model: String?
    public var host: String?
    public var shard: String?

    public init(model: String?, host: String?, shard: String?) {
        self.model = model.map { ModelName.identity(of: $0) ?? $0 }
        self.host = host
        self.shard = shard
    }

    /// The key of a recorded result.
    public init(_ result: CriterionResult) {
        self.init(model: result.model, host: result.host, shard: result.shard)
    }
}

extension CheckPlan {
    /// The results a criterion must have in this check, each with the text that names it in a problem.
    /// - Parameters:
    ///   - perModel: One result per critical model (else one for the fleet).
    ///   - asksOllama: One per host: per (model, host) pair, or per host a shard has pairs on; a criterion that
    ///     needs no Ollama is checked once, the fleet's in shard 1, a model's in the shard of its first pair.
    public func expectedResults(perModel: Bool, asksOllama: Bool) -> [ResultKey: String] {
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
        case (false, true):
            for shard in shards {
                for host in hosts(inShard: shard) { add(model: nil, host: host, shard: shard) }
            }
        case (false, false):
            if shards.contains(1) { add(model: nil, host: nil, shard: 1) }
        }
        return expected
    }

    /// The results `criterion` must have, judged by its shape: a catalog criterion by its declaration, a user's
    /// by its results (per model when one names a model; asking Ollama when one names a host or, fleet-wide,
    /// was recorded by a shard other than the first).
    public func expectedResults(of id: String, rows: [CriterionResult]) -> [ResultKey: String] {
        let catalog = Criterion.named(id)
        let perModel = catalog?.isPerModel ?? rows.contains { $0.model != nil }
        let asksOllama = catalog?.needsOllama
            ?? (rows.contains { $0.host != nil } || (!perModel && rows.contains { $0.shard != nil && $0.shard != shardLabel(1) }))
        return expectedResults(perModel: perModel, asksOllama: asksOllama)
    }

    /// The host labels results of this check may carry.
    public var hostLabels: Set<String> {
        Set(config.ollama.hosts.compactMap(label))
    }

    /// The shard labels results of this check may carry.
    public var shardLabels: Set<String> {
        Set(shards.compactMap(shardLabel))
    }
}
