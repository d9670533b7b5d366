/// Renders a `FleetBuild` as the lines `build_critical_models.sh` would print: one per model, then a summary.
package enum BuildText {
    /// The build (or, in a dry run, its plan) as text ending with a newline.
    package static func render(_ build: FleetBuild) -> String {
        let total = build.steps.count
        var lines = build.steps.enumerated().map { index, step in
            "[\(index + 1)/\(total)] " + line(step)
        }
        if !build.skipped.isEmpty {
            lines.append("Skipped (already in Ollama): " + build.skipped.joined(separator: ", ") + ".")
        }
        lines.append(summary(build))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func line(_ step: FleetBuild.Step) -> String {
        let actions = step.actions.map(\.description).joined(separator: ", then ")
        return switch step.status {
        case .planned: "would \(actions)"
        case .built: "built \(step.model): \(actions)"
        case .failed(let reason): "FAILED \(step.model): \(reason)"
        case .notAttempted: "not attempted \(step.model): an earlier model failed"
        }
    }

    private static func summary(_ build: FleetBuild) -> String {
        if let failure = build.failure { return "Stopped at \(failure.model); nothing was deleted." }
        if build.steps.isEmpty { return "Nothing to build: Ollama has every model of the fleet." }
        return build.dryRun
            ? "Dry run: \(build.steps.count) models to build, no request sent."
            : "Done: all \(build.steps.count) missing models are present."
    }
}
