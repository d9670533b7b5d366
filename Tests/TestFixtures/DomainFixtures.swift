import Foundation

/// Paths of the repository's fixtures and temporary folders for the domain tests.
package enum DomainFixtures {
    /// The repository root, found from this file's location.
    package static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// fixtures/mirador.
    package static let mirador = root.appendingPathComponent("fixtures/mirador")

    /// The six Mirador models in migration order.
    package static let miradorModels = [
        "matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2",
        "financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6",
    ]

    /// Runs `body` with a fresh temporary folder that is removed afterwards, even when `body` throws.
    package static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("readiness-domain-\(UUID().uuidString)").standardizedFileURL
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Writes `text` to `name` inside `folder`, with the given permissions.
    @discardableResult
    package static func write(_ text: String, to name: String, in folder: URL, permissions: Int = 0o644) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
        return url
    }
}
