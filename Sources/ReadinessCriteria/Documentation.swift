import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// The documentation describes the fleet as it is.
    @Suite struct Documentation {
        @Test("Documentation exists, has content and is current", .tags(.recommended, .documentation))
        func docs() async throws {
            try await ReadinessFixture.require().check(.docs)
        }
    }
}
