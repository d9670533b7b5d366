import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// The optimized configurations exist and are what Ollama runs.
    @Suite struct Config {
        @Test(
            "Optimized configuration exists, parses and matches the deployed model", .tags(.critical, .config),
            arguments: ReadinessArguments.criticalModels()
        )
        func configs(model: String) async throws {
            try await ReadinessFixture.require().check(.configs, model: model)
        }
    }
}
