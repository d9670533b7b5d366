/// Decides `backup-scripts` and `migration-scripts` from script checks and dry runs.
package enum ScriptEvaluator {
    /// Whether every backup script exists, is executable and passes `bash -n`; no scripts listed is a failure.
    package static func backup(_ checks: [ScriptCheck]) -> CriterionResult {
        evaluate(.backupScripts, checks.map { ($0, nil) }, kind: "backup", missingFix: "Add a 'backup' section to readiness.json listing the backup scripts.")
    }

    /// Whether every migration script exists, is executable, passes `bash -n` and has a dry run that exits 0.
    /// - Parameter scripts: Each script's check and its dry run (`nil` when readiness.json gives none, which
    ///   fails: an untested script is not "tested").
    package static func migration(_ scripts: [(check: ScriptCheck, dryRun: ScriptRun?)]) -> CriterionResult {
        evaluate(.migrationScripts, scripts, kind: "migration", missingFix: "Add a 'migration' section to readiness.json listing the migration scripts and their dryRun arguments.")
    }

    private static func evaluate(
        _ criterion: Criterion, _ scripts: [(check: ScriptCheck, dryRun: ScriptRun?)], kind: String, missingFix: String
    ) -> CriterionResult {
        guard !scripts.isEmpty else {
            return criterion.result(passed: false, message: "readiness.json lists no \(kind) scripts", actions: [missingFix])
        }
        let testsDryRun = criterion == .migrationScripts
        var problems: [String] = [], actions: [String] = [], passing = 0
        for (check, dryRun) in scripts {
            let name = ModelActions.displayPath(check.path)
            var scriptProblems = check.problems
            actions += check.actions
            if check.passed, testsDryRun {
                if let dryRun {
                    if !dryRun.passed {
                        scriptProblems.append("Its dry run failed: \(dryRun.message).")
                        actions.append("Run the dry run by hand and fix it: \(([name] + dryRun.arguments).joined(separator: " "))")
                    }
                } else {
                    scriptProblems.append("\(name) has no dry run, so it is untested.")
                    actions.append("Give \(name) a \"dryRun\" argument list in readiness.json, e.g. [\"--dry-run\"].")
                }
            }
            if scriptProblems.isEmpty { passing += 1 } else { problems += scriptProblems }
        }
        let bar = CriterionResult.Threshold(.atLeast, Double(scripts.count), unit: "count")
        if !problems.isEmpty {
            return criterion.result(
                passed: false, measured: Double(passing), threshold: bar,
                message: "\(scripts.count - passing) of \(scripts.count) \(kind) scripts fall short: " + problems.joined(separator: " "),
                actions: actions
            )
        }
        let names = scripts.map { ModelActions.displayPath($0.check.path) }.joined(separator: ", ")
        let tested = testsDryRun ? ", pass bash -n and their dry runs succeed" : " and pass bash -n"
        return criterion.result(
            passed: true, measured: Double(passing), threshold: bar,
            message: "\(scripts.count) \(kind) scripts exist, are executable\(tested): \(names)"
        )
    }
}
