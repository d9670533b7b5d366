import Foundation
import OllamaKit
import ReadinessKit

/// One checklist per Ollama host of a run's plan, and which of them a criterion is evaluated with.
struct HostChecklists: Sendable {
    let plan: CheckPlan
    /// By host; each host's config holds that host alone and the critical models it is checked for.
    private let byHost: [URL: Checklist]

    /// Where a criterion is evaluated, and how its result is marked.
    struct Target: Sendable {
        var checklist: Checklist
        /// The host's name in results, when the fleet has several.
        var host: String?
        /// The shard, e.g. "2/3", in a sharded run.
        var shard: String?

        init(checklist: Checklist, host: String? = nil, shard: String? = nil) {
            self.checklist = checklist
            self.host = host
            self.shard = shard
        }

        /// `result` naming this target's host and shard; the message names the host unless it already does.
        func stamp(_ result: CriterionResult) -> CriterionResult {
            var result = result
            result.shard = shard
            if let host {
                result.host = host
                if !result.message.contains(host) { result.message = "on \(host): \(result.message)" }
            }
            return result
        }
    }

    init(plan: CheckPlan) {
        self.plan = plan
        byHost = Dictionary(plan.config.ollama.hosts.map { host in
            let config = plan.config(forHost: host)
            return (host, Checklist(config: config, evidence: OllamaEvidence(config: config)))
        }) { first, _ in first }
    }

    /// The first host's checklist.
    var first: Checklist { byHost[plan.config.ollama.hosts[0]]! }

    /// The checklists `criterion` is evaluated with for `model` (ignored unless it is per model): for one that
    /// needs Ollama, each host this run checks the model on; fleet-wide, a catalog criterion on each host this
    /// shard has pairs on, a user's in shard 1 on each serving host (`CheckPlan.expectedResults`); otherwise
    /// `whole`, once, in the shard that owns it. A model readiness.json does not list as critical is evaluated
    /// once with `whole`, which fails it as unknown or checks it as before.
    func targets(_ criterion: Criterion, model: String?, whole: Checklist) -> [Target] {
        let shard = plan.shardLabel(plan.shards[0])
        let subject = criterion.isPerModel ? model : nil
        if let subject, plan.config.model(named: subject)?.critical != true {
            return [Target(checklist: whole, shard: shard)]
        }
        guard criterion.needsOllama else {
            return plan.shards.contains(plan.shard(checkingOnce: subject)) ? [Target(checklist: whole, shard: shard)] : []
        }
        let hosts = if let subject {
            plan.hosts(checking: subject)
        } else if Criterion.named(criterion.id) != nil {
            plan.hosts(inShard: plan.shards[0])
        } else {
            plan.shards.contains(1) ? plan.servingHosts : []
        }
        return hosts.compactMap { host in byHost[host].map { Target(checklist: $0, host: plan.label(host), shard: shard) } }
    }
}
