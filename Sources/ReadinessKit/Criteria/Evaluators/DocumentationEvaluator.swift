/// Decides `docs`: every listed document exists, has content and is newer than the Modelfiles it describes.
package enum DocumentationEvaluator {
    /// Combines the checks of the documents readiness.json lists; no documents listed is a failure.
    package static func evaluate(_ checks: [DocumentCheck]) -> CriterionResult {
        let criterion = Criterion.docs
        guard !checks.isEmpty else {
            return criterion.result(
                passed: false, message: "readiness.json lists no documentation",
                actions: ["Add a 'documentation' list to readiness.json, e.g. [{ \"path\": \"docs/MODEL_INVENTORY.md\" }]."]
            )
        }
        let failed = checks.filter { !$0.passed }
        let bar = CriterionResult.Threshold(.atLeast, Double(checks.count), unit: "count")
        let measured = Double(checks.count - failed.count)
        guard failed.isEmpty else {
            return criterion.result(
                passed: false, measured: measured, threshold: bar,
                message: "\(failed.count) of \(checks.count) documents fall short: " + failed.map(\.message).joined(separator: " "),
                actions: failed.map { "Update \(ModelActions.displayPath($0.path)) to describe the current models." }
            )
        }
        let names = checks.map { ModelActions.displayPath($0.path) }.joined(separator: ", ")
        return criterion.result(
            passed: true, measured: measured, threshold: bar,
            message: "\(checks.count) documents exist, have content and are current: \(names)"
        )
    }
}
