import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// Every critical model is present in Ollama.
    @Suite struct Availability {
        @Test(
            "Critical model is available in Ollama", .tags(.critical, .availability),
            arguments: ReadinessArguments.criticalModels()
        )
        func modelsAvailable(model: String) async throws {
            try await ReadinessFixture.require().check(.modelsAvailable, model: model)
        }
    }
}
