import ReadinessKit
import ReadinessTesting
import Testing

extension Readiness {
    /// Backups can be taken before the migration changes anything.
    @Suite struct Backup {
        @Test("Backup scripts exist, are executable and pass bash -n", .tags(.critical, .backup))
        func backupScripts() async throws {
            try await ReadinessFixture.require().check(.backupScripts)
        }
    }
}
