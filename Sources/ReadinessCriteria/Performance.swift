import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// The performance run: every test prompt of every critical model, through the request budget, once.
    @Suite struct Performance {
        @Test("Success rate over all test queries is above the threshold", .tags(.critical, .performance))
        func successRate() async throws {
            try await ReadinessFixture.require().check(.successRate)
        }

        @Test(
            "Average response time is below the threshold", .tags(.critical, .performance),
            arguments: ReadinessArguments.criticalModels()
        )
        func responseTime(model: String) async throws {
            try await ReadinessFixture.require().check(.responseTime, model: model)
        }

        @Test(
            "Quality score is above the threshold", .tags(.critical, .performance),
            arguments: ReadinessArguments.criticalModels()
        )
        func quality(model: String) async throws {
            try await ReadinessFixture.require().check(.quality, model: model)
        }
    }
}
