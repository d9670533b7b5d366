import FleetKit
import Foundation
import OllamaKit
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

@Suite(.timeLimit(.minutes(1)))
struct BackupCommandTests {
    static let model = "louisville_expert_v3"

    @Test func `backup writes a verifiable folder that the step gate accepts, and --verify catches a changed file`() async throws {
        try await MigrationBench.with { bench in
            let result = await bench.run(["backup", "--model", Self.model])
            #expect(result.status == .success, "\(result.err)")
            let folder = "mirador/.readiness/backups/2026-11-25T09-46-40Z"
            #expect(result.out.hasPrefix("Backed up 1 model from \(bench.ollama.absoluteString) (Ollama 0.12.6) into \(folder):\n- \(Self.model): \(Self.model).Modelfile, \(Self.model).show.json, digest "))
            #expect(result.out.hasSuffix("manifest.json holds the sha256 of 2 files; check them with 'readiness backup --verify \(folder)'.\nA backup stores no weights: restoring a model needs its base model installed.\n"))
            #expect(StepGate.backupFiles(in: bench.folder.appendingPathComponent("mirador/.readiness/backups")).usable == [Self.model])

            let verified = await ReadinessCLITests.run(["backup", "--verify", folder], in: bench.folder)
            #expect(verified.status == .success)
            #expect(verified.out.hasPrefix("Backup \(folder) verifies: 2 files match manifest.json (\(Self.model); taken 2026-11-25T09:46:40Z from "))
            try Data("FROM llama3.2:3b\n".utf8).write(to: bench.folder.appendingPathComponent("\(folder)/\(Self.model).Modelfile"))
            let changed = await ReadinessCLITests.run(["backup", "--verify", folder], in: bench.folder)
            #expect(changed.status == .notReady)
            #expect(changed.out.contains("/\(Self.model).Modelfile changed since the backup (sha256 "))
            #expect(bench.history() == ["backup ok"])
        }
    }

    @Test func `a backup of a model Ollama lacks fails and writes no folder`() async throws {
        try await MigrationBench.with { bench in
            let result = await bench.run(["backup", "--model", "no_such_model"])
            #expect(result.status == .notReady)
            #expect(result.err.hasPrefix("Error: "))
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: bench.folder.appendingPathComponent("mirador/.readiness/backups").path)) ?? []).isEmpty)
            #expect(bench.history() == ["backup failed"])
        }
    }

    @Test func `rollback restores a model and refuses, unchanged, when its base is gone`() async throws {
        try await MigrationBench.with { bench in
            #expect(await bench.run(["backup", "--model", Self.model]).status == .success)
            let folder = "mirador/.readiness/backups/2026-11-25T09-46-40Z"
            let restored = await bench.run(["rollback", "--from", folder])
            #expect(restored.status == .success, "\(restored.err)")
            #expect(restored.out == "Restored \(Self.model) from \(folder) (built FROM llama3.2:3b, checked against the backup).\n")

            let client = OllamaClient(.init(baseURL: bench.ollama))
            try await client.delete("llama3.2:3b")
            let refused = await bench.run(["rollback", "--from", folder, "--model", Self.model])
            #expect(refused.status == .notReady)
            #expect(refused.err == "Error: \(Self.model) was not rolled back and is unchanged: its base model 'llama3.2:3b' is not installed, and a backup stores no weights: install it first ('ollama pull llama3.2:3b', or build it), then roll back again.\n")
            #expect(bench.history() == ["backup ok", "rollback ok", "rollback refused"])
        }
    }
}
