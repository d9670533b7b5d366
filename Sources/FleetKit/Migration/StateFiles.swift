import Foundation

/// Where the migration keeps its state: `.readiness/` beside readiness.json, so each fleet has its own.
package struct StateFiles: Sendable, Equatable {
    /// The state folder (`ReadinessConfig.stateFolder`): `.readiness` beside readiness.json unless `--state`
    /// or READINESS_STATE_DIR names another.
    package var folder: URL

    /// The state files in `folder`.
    package init(folder: URL) {
        self.folder = folder
    }

    /// `migration.json`: the steps and their status.
    package var migration: URL { folder.appendingPathComponent("migration.json") }
    /// `migration.lock`: held (with the holder's pid) while a `migrate` command changes the state.
    package var lock: URL { folder.appendingPathComponent("migration.lock") }
    /// `history.jsonl`: one JSON line per backup, rollback, migration transition, check and gate.
    package var history: URL { folder.appendingPathComponent("history.jsonl") }

    /// `url` as migration.json records it: relative to the state folder when inside it, so the state still
    /// holds together when a later CI job downloads it somewhere else.
    package func recorded(_ url: URL) -> String {
        let root = folder.standardizedFileURL.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    /// A path migration.json records, as a URL: relative ones are inside the state folder.
    package func resolve(_ recorded: String) -> URL {
        recorded.hasPrefix("/") ? URL(fileURLWithPath: recorded, isDirectory: true) : folder.appendingPathComponent(recorded, isDirectory: true)
    }
}
