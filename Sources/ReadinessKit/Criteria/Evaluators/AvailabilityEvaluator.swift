import OllamaKit

/// Decides `models-available`: whether a configured model is among the models Ollama lists.
package enum AvailabilityEvaluator {
    /// Looks `model` up in `installed` (the names of `/api/tags`) by Ollama's rules: "x" is "x:latest",
    /// case does not matter, and a registry prefix or digest does not change the identity.
    /// - Returns: A passing result naming the installed tag, or a failing one with the command that builds it.
    package static func evaluate(_ model: ReadinessConfig.Model, installed: InstalledModels) -> CriterionResult {
        if let match = installed.listedName(of: model.name) {
            return Criterion.modelsAvailable.result(model: model.name, passed: true, message: "\(model.name) is available as \(match)")
        }
        let build = ModelActions.build(model)
        return Criterion.modelsAvailable.result(
            model: model.name, passed: false,
            message: "\(model.name) is missing (build it: \(build))", actions: [build]
        )
    }
}
