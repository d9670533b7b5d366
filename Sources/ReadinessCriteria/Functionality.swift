import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// Every critical model answers its test prompts.
    @Suite struct Functionality {
        @Test(
            "Critical model answers every test prompt", .tags(.critical, .functionality),
            arguments: ReadinessArguments.criticalModels()
        )
        func modelsRespond(model: String) async throws {
            try await ReadinessFixture.require().check(.modelsRespond, model: model)
        }
    }
}
