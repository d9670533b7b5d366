import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// The Ollama service and the disk under its models.
    @Suite struct SystemHealth {
        @Test("Ollama service answers and is recent enough", .tags(.critical, .systemHealth))
        func ollamaService() async throws {
            try await ReadinessFixture.require().check(.ollamaService)
        }

        @Test("Disk holding the models has room", .tags(.recommended, .systemHealth))
        func diskSpace() async throws {
            try await ReadinessFixture.require().check(.diskSpace)
        }
    }
}
