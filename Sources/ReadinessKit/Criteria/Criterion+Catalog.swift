extension Criterion {
    /// The module of the built-in criteria's tests; only they may record a catalog criterion.
    package static let catalogModule = "ReadinessCriteria"

    /// Every criterion, in the order of the README's criteria table. A new catalog criterion is one declaration below
    /// plus its place here; the default gate and the checklist follow from this list.
    package static let all: [Criterion] = [
        .modelsAvailable, .modelsRespond, .successRate, .responseTime, .quality, .backupScripts,
        .configs, .ollamaService, .diskSpace, .migrationScripts, .docs,
    ]

    /// All critical models present in Ollama (`/api/tags`, Ollama's name:tag rules).
    package static let modelsAvailable = Criterion(
        id: "models-available", title: "All critical models available in Ollama",
        area: .availability, severity: .critical, needsOllama: true,
        evaluation: .perModel { checklist, model in
            AvailabilityEvaluator.evaluate(model, installed: try await checklist.evidence.installedModels())
        }
    )
    /// Every critical model answers every test prompt.
    package static let modelsRespond = Criterion(
        id: "models-respond", title: "All critical models respond to test queries",
        area: .functionality, severity: .critical, needsOllama: true,
        evaluation: .perModel { checklist, model in
            FunctionalityEvaluator.evaluate(
                model, outcomes: try await checklist.evidence.performance().queries(for: model.name),
                passRounds: checklist.config.thresholds.passRounds.map { _ in checklist.config.thresholds.roundsToPass }
            )
        }
    )
    /// Success rate over all test queries above the threshold.
    package static let successRate = Criterion(
        id: "success-rate", title: "Performance testing success rate",
        area: .performance, severity: .critical, needsOllama: true,
        evaluation: .fleet { checklist in
            PerformanceEvaluator.successRate(
                try await checklist.evidence.performance(), thresholds: checklist.config.thresholds
            )
        }
    )
    /// Average response time below the threshold.
    package static let responseTime = Criterion(
        id: "response-time", title: "Average response time",
        area: .performance, severity: .critical, needsOllama: true,
        evaluation: .perModel { checklist, model in
            let report = try await checklist.evidence.performance()
            return PerformanceEvaluator.responseTime(
                model, outcomes: report.queries(for: model.name), loads: report.loads(for: model.name),
                thresholds: checklist.config.thresholds
            )
        }
    )
    /// Quality score above the threshold, per model.
    package static let quality = Criterion(
        id: "quality", title: "Answer quality score",
        area: .performance, severity: .critical, needsOllama: true,
        evaluation: .perModel { checklist, model in
            PerformanceEvaluator.quality(
                model, outcomes: try await checklist.evidence.performance().queries(for: model.name),
                threshold: checklist.config.thresholds.quality
            )
        }
    )
    /// Backup scripts exist, are executable and pass `bash -n`.
    package static let backupScripts = Criterion(
        id: "backup-scripts", title: "Backup scripts available and executable",
        area: .backup, severity: .critical, needsOllama: false,
        evaluation: .fleet { checklist in
            var checks: [ScriptCheck] = []
            for script in checklist.config.backup?.scripts ?? [] { checks.append(await ScriptProbe.check(script)) }
            return ScriptEvaluator.backup(checks)
        }
    )
    /// Optimized configurations exist, parse and match the deployed models.
    package static let configs = Criterion(
        id: "configs", title: "Optimized configurations match the deployed models",
        area: .config, severity: .critical, needsOllama: true,
        evaluation: .perModel { checklist, model in
            let deployed = try await checklist.evidence.show(model.name).map {
                ConfigEvaluator.Deployed(modelfile: $0.modelfile, parameters: $0.parameters, system: $0.system)
            }
            return ConfigEvaluator.evaluate(model, deployed: deployed)
        }
    )
    /// Ollama answers `/api/version`, at least the minimum version.
    package static let ollamaService = Criterion(
        id: "ollama-service", title: "Ollama service running properly",
        area: .systemHealth, severity: .critical, needsOllama: true,
        evaluation: .fleet { checklist in
            let ollama = checklist.config.ollama
            return SystemHealthEvaluator.service(
                version: try await checklist.evidence.version(), minimumVersion: ollama.minimumVersion,
                host: ollama.host.absoluteString
            )
        }
    )
    /// The disk holding the models is used less than the threshold.
    package static let diskSpace = Criterion(
        id: "disk-space", title: "Disk space for models",
        area: .systemHealth, severity: .recommended, needsOllama: false,
        evaluation: .fleet { checklist in
            let config = checklist.config
            var result = SystemHealthEvaluator.disk(try DiskProbe.measure(config.ollama.modelsPath), threshold: config.thresholds.diskUsedFraction)
            // A check can only measure its own machine's disk; with several hosts, say so rather than imply more.
            if config.hasSeveralHosts {
                result.message += " (the disk of the machine running the check; the disks of the \(config.ollama.hosts.count) Ollama hosts are not measured)"
            }
            return result
        }
    )
    /// Migration scripts exist, are executable and their dry run succeeds.
    package static let migrationScripts = Criterion(
        id: "migration-scripts", title: "Migration scripts tested",
        area: .migration, severity: .recommended, needsOllama: false,
        evaluation: .fleet { checklist in
            var scripts: [(check: ScriptCheck, dryRun: ScriptRun?)] = []
            for script in checklist.config.migration?.scripts ?? [] {
                let check = await ScriptProbe.check(script.path)
                var dryRun: ScriptRun?
                // A dry run of a script that is missing or broken would only repeat the check's complaint.
                if check.passed, let arguments = script.dryRun {
                    dryRun = await ScriptProbe.run(script.path, arguments: arguments, timeout: dryRunTimeout)
                }
                scripts.append((check, dryRun))
            }
            return ScriptEvaluator.migration(scripts)
        }
    )
    /// Documentation exists, is non-empty and is newer than the models it describes.
    package static let docs = Criterion(
        id: "docs", title: "Documentation complete and current",
        area: .documentation, severity: .recommended, needsOllama: false,
        evaluation: .fleet { checklist in
            let config = checklist.config
            return DocumentationEvaluator.evaluate(config.documentation.map {
                DocumentationProbe.check($0.path, describedModelfiles: config.modelfiles(describedBy: $0))
            })
        }
    )

    /// How long a migration script's dry run may take; a dry run only prints its plan.
    static let dryRunTimeout: Duration = .seconds(60)
}
