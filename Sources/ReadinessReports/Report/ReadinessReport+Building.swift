import ReadinessKit
import Foundation
import OllamaKit

extension ReadinessReport {
    /// What a report is built from besides the event stream: the config, the gate, where attachments are, and
    /// what the runner saw of `swift test` itself.
    package struct Context: Sendable {
        /// The loaded readiness.json, or `nil` when it could not be loaded (`configProblem` says why).
        package var config: ReadinessConfig?
        package var configProblem: RunProblem?
        package var gateName: String
        package var locator: AttachmentLocator
        /// Problems the runner saw outside the stream (build failure, crash, bad exit status).
        package var runnerProblems: [RunProblem]
        package var eventsPath: String?
        package var configPath: String?
        package var generatedAt: Date
        package var toolVersion: String
        /// The shard a `check --shard K/N` ran; `nil` for an unsharded run.
        package var shard: Shard?

        package init(
            config: ReadinessConfig?, configProblem: RunProblem? = nil, gateName: String,
            locator: AttachmentLocator = AttachmentLocator(), runnerProblems: [RunProblem] = [],
            eventsPath: String? = nil, configPath: String? = nil, generatedAt: Date, toolVersion: String, shard: Shard? = nil
        ) {
            self.config = config
            self.configProblem = configProblem
            self.gateName = gateName
            self.locator = locator
            self.runnerProblems = runnerProblems
            self.eventsPath = eventsPath
            self.configPath = configPath
            self.generatedAt = generatedAt
            self.toolVersion = toolVersion
            self.shard = shard
        }
    }

    /// Builds the report of a run: analysis, verdict, models, actions and timings.
    /// - Parameters:
    ///   - evidence: The run's event stream, read.
    ///   - context: The config, gate and runner findings.
    package static func build(from evidence: RunEvidence, context: Context) -> ReadinessReport {
        var problems = context.runnerProblems + (context.configProblem.map { [$0] } ?? []) + (context.config.flatMap(inputsChanged) ?? [])
        let gate = resolveGate(context, problems: &problems)
        var records = RunAnalysis.gather(evidence, required: gate.criteria, locator: context.locator)
        records.problems = problems + records.problems
        var report = build(
            records, gate: gate, plan: context.config.map { CheckPlan(config: $0, shard: context.shard) }, context: context,
            run: (evidence.runStarted, evidence.runEnded)
        )
        report.source.events = context.eventsPath
        report.source.attachments = context.locator.directories.map(\.relativePath)
        report.source.streamVersion = evidence.version
        if let shard = context.shard {
            // A shard's verdict covers its own pairs; say so where a READY could be read as the fleet's.
            report.source.shard = shard.description
            report.summary = "Shard \(shard) alone ('readiness merge' decides on all \(shard.count)): " + report.summary
        }
        return report
    }

    /// Builds a report from gathered records: the judgement, verdict, models and actions every report shares,
    /// whether the records come from one run's stream or from the shards of a merge.
    /// - Parameters:
    ///   - records: The results, tests and problems (including the config's and the runner's).
    ///   - gate: The gate decided.
    ///   - plan: The pairs and shards the records must cover; `nil` without a config.
    ///   - run: When the run started and ended, in seconds since 1970.
    static func build(
        _ records: RunAnalysis.Records, gate: ReadinessConfig.Gate, plan: CheckPlan?, context: Context, run: (started: Double?, ended: Double?)
    ) -> ReadinessReport {
        let models = context.config?.modelsInMigrationOrder ?? []
        let analysis = RunAnalysis.judge(
            records, required: gate.criteria, allCritical: gate.allCritical, modelOrder: models.map(\.name),
            plan: plan, severities: context.config?.severities ?? [:]
        )
        let verdict = Verdict.decide(gate: gate.name, analysis: analysis)

        let blockers = analysis.criteria.filter(\.blocking).flatMap(\.actions)
        let others = analysis.criteria.filter { !$0.blocking && !$0.isSatisfied }.flatMap(\.actions)
        var actions: [String] = []
        var seen = Set<String>()
        for action in blockers + analysis.problems.map(\.action) + others where seen.insert(action).inserted {
            actions.append(action)
        }
        let hosts = context.config.flatMap { $0.hasSeveralHosts ? $0.ollama.redactedHosts : nil }
        return ReadinessReport(
            schemaVersion: currentSchemaVersion, verdict: verdict.outcome, summary: verdict.summary,
            reasons: verdict.reasons, warnings: verdict.warnings,
            gate: Gate(name: gate.name, description: gate.description, criteria: analysis.criteria.filter(\.required).map(\.id)),
            criteria: analysis.criteria, unlistedTests: analysis.unlisted, problems: analysis.problems,
            models: modelSummaries(analysis.criteria, config: context.config), actions: actions,
            timings: Timings(
                runStarted: run.started.map(timestamp), runEnded: run.ended.map(timestamp),
                durationSeconds: run.started.flatMap { start in run.ended.map { max(0, $0 - start) } },
                generatedAt: timestamp(context.generatedAt.timeIntervalSince1970)
            ),
            tool: Tool(name: "readiness", version: context.toolVersion),
            ollama: Ollama(
                host: context.config.map { OllamaHost.redacted($0.ollama.host.absoluteString) }, version: ollamaVersion(analysis.criteria), hosts: hosts
            ),
            source: Source(
                events: nil, attachments: [], config: context.configPath, streamVersion: nil,
                configSHA256: context.config?.loadedFingerprints.config, modelfileSHA256: context.config?.loadedFingerprints.modelfiles
            )
        )
    }

    /// The problem of a run whose readiness.json or Modelfiles changed after the config was loaded: the run may
    /// have measured either version, so its fingerprints speak for neither.
    static func inputsChanged(_ config: ReadinessConfig) -> [RunProblem]? {
        let loaded = config.loadedFingerprints
        var changed = config.changedModelfiles(since: loaded.modelfiles)
        if ReadinessConfig.fingerprint(of: config.file) != loaded.config { changed.insert(config.file.relativePath, at: 0) }
        guard !changed.isEmpty else { return nil }
        return [RunProblem(
            .config, "\(changed.joined(separator: ", ")) changed while the run was going, so it may have measured either version",
            action: "Run 'readiness check' again without editing readiness.json or the Modelfiles during the run."
        )]
    }

    static func resolveGate(_ context: Context, problems: inout [RunProblem]) -> ReadinessConfig.Gate {
        let name = context.gateName
        // Without a config the gate's criteria are unknown (readiness.json may redefine any gate); the config
        // problem already keeps the verdict from READY.
        guard let config = context.config else { return .init(name: name, criteria: []) }
        if let gate = config.gate(named: name) { return gate }
        let known = config.gates.map { "'\($0.name)'" }.joined(separator: ", ")
        problems.append(RunProblem(
            .config, "\(config.file.relativePath) defines no gate '\(name)' (its gates: \(known.isEmpty ? "none" : known))",
            action: "Choose one of its gates, or add '\(name)' under \"gates\" in \(config.file.relativePath)."
        ))
        return .init(name: name, criteria: [])
    }

    /// Each model's standing across the criteria: the config's models in migration order, then any other model seen.
    private static func modelSummaries(_ criteria: [CriterionOutcome], config: ReadinessConfig?) -> [Model] {
        var names = config?.modelsInMigrationOrder.map(\.name) ?? []
        // One pass groups every row under its model's configured name (a dictionary lookup each), and adds
        // the models the config does not list in the order they appear.
        var rowsByName: [String: [(CriterionOutcome, CriterionResult)]] = [:]
        var listed = Set(names)
        for criterion in criteria {
            for row in criterion.rows {
                guard let model = row.model else { continue }
                let name = config?.model(named: model)?.name ?? model
                rowsByName[name, default: []].append((criterion, row))
                if listed.insert(name).inserted { names.append(name) }
            }
        }
        return names.map { name in
            let mine = rowsByName[name] ?? []
            var metrics: [String: Double] = [:]
            var actions: [String] = []
            var seen = Set<String>()
            for (_, row) in mine {
                metrics.merge(row.metrics) { first, _ in first }
                for action in row.actions where seen.insert(action).inserted { actions.append(action) }
            }
            let entry = config?.model(named: name)
            let (status, failing) = standing(mine)
            // With several hosts, each host that serves the model gets its cell; results about no host count on each.
            let hosts = config.flatMap { config in
                config.hasSeveralHosts ? (entry.map(config.hosts(serving:)) ?? config.ollama.hosts) : nil
            }?.map { url in
                let host = OllamaHost.redacted(url.absoluteString)
                let (status, failing) = standing(mine.filter { $0.1.host == nil || $0.1.host == host })
                return HostStanding(host: host, status: mine.contains { $0.1.host == host } ? status : .missing, failing: failing)
            }
            return Model(
                name: name, critical: entry?.critical, migrationOrder: entry?.migrationOrder, status: status,
                failing: failing, metrics: metrics, actions: actions, hosts: hosts
            )
        }
    }

    /// The standing `rows` give: `missing` without rows, `failed` when a critical one fell short, `warned` when
    /// only recommended ones did, else `passed`; and the ids that fell short.
    private static func standing(_ rows: [(CriterionOutcome, CriterionResult)]) -> (CriterionOutcome.Status, [String]) {
        let short = rows.filter { !$0.1.passed }
        let status: CriterionOutcome.Status = rows.isEmpty ? .missing
            : short.contains { $0.0.severity == .critical } ? .failed : short.isEmpty ? .passed : .warned
        var failing: [String] = []
        for (criterion, _) in short where !failing.contains(criterion.id) { failing.append(criterion.id) }
        return (status, failing)
    }

    /// The Ollama version the `ollama-service` criterion recorded as a fact; `nil` when it did not reach Ollama.
    private static func ollamaVersion(_ criteria: [CriterionOutcome]) -> String? {
        let rows = criteria.first { $0.id == Criterion.ollamaService.id }?.rows ?? []
        return rows.lazy.compactMap { $0.facts?[CriterionResult.Fact.ollamaVersion] }.first
    }

    /// An instant as ISO 8601 in UTC with milliseconds, e.g. "2026-11-25T08:27:59.538Z".
    static func timestamp(_ secondsSince1970: Double) -> String {
        Timestamp.iso8601WithMilliseconds(Date(timeIntervalSince1970: secondsSince1970))
    }
}
