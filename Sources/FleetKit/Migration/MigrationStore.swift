import Foundation
import ReadinessKit
import ReadinessReports
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes `migration.json` under `migration.lock`, so two `readiness migrate` processes never both
/// change the state: the second one is refused.
package final class MigrationStore {
    package let files: StateFiles
    private var locked = false

    /// Takes the lock (O_CREAT | O_EXCL, holding this process's pid).
    /// - Throws: `MigrationRefusal` naming the holder when another process holds it.
    package init(files: StateFiles) throws {
        self.files = files
        try FileManager.default.createDirectory(at: files.folder, withIntermediateDirectories: true)
        let descriptor = open(files.lock.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? nil : String(cString: strerror(errno))
            let holder = (try? String(contentsOf: files.lock, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "?"
            throw MigrationRefusal(reason.map { "cannot create \(files.lock.path): \($0)" }
                ?? "another 'readiness migrate' (pid \(holder)) is changing the migration: wait for it to finish; if no such process runs, remove \(files.lock.path)")
        }
        let pid = Data("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        locked = true
    }

    deinit { release() }

    /// Gives the lock back; called by `deinit` too.
    package func release() {
        guard locked else { return }
        unlink(files.lock.path)
        locked = false
    }

    /// The state, or a fresh one of `models` when none was written yet.
    /// - Throws: `MigrationRefusal` when migration.json cannot be read or no longer matches `models`.
    /// - Parameter begins: Whether a missing state may start a new migration (`migrate next --step 1`); else a
    ///   missing migration.json is refused, for a CI job not handed the state folder must not start again.
    package func load(models: [String], begins: Bool) throws -> MigrationState {
        guard let data = FileManager.default.contents(atPath: files.migration.path) else {
            guard begins else { throw MigrationRefusal.noState(files.migration.path) }
            return MigrationState(models: models)
        }
        guard let state = try? JSONDecoder().decode(MigrationState.self, from: data),
              state.schemaVersion == MigrationState.currentSchemaVersion else {
            throw MigrationRefusal("\(files.migration.path) is not a migration state of schema version \(MigrationState.currentSchemaVersion)")
        }
        try state.check(models: models)
        return state
    }

    /// Writes the state atomically (a temporary file, then a rename).
    package func save(_ state: MigrationState) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try ReportWriter.write(try encoder.encode(state) + Data("\n".utf8), to: files.migration)
    }
}
