import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// The migration scripts are ready to run.
    @Suite struct Migration {
        @Test("Migration scripts exist, are executable and their dry run succeeds", .tags(.recommended, .migration))
        func migrationScripts() async throws {
            try await ReadinessFixture.require().check(.migrationScripts)
        }
    }
}
