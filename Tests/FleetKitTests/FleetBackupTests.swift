import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import ReadinessReports
import TestFixtures
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct FleetBackupTests {
    static let model = "louisville_expert_v3"
    static let now = Date(timeIntervalSince1970: 1_795_600_000)

    @Test func `a backup writes one file set per model and a manifest whose checksums verify`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let backups = folder.appendingPathComponent("backups")
                let result = try await FleetBackup.take([Self.model, "matthew_context_provider_v2"], client: FleetFixtures.client(url), into: backups, now: Self.now)
                #expect(result.folder.lastPathComponent == "2026-11-25T09-46-40Z")
                #expect(try FileManager.default.contentsOfDirectory(atPath: result.folder.path).sorted() == [
                    "louisville_expert_v3.Modelfile", "louisville_expert_v3.show.json", "manifest.json",
                    "matthew_context_provider_v2.Modelfile", "matthew_context_provider_v2.show.json",
                ])
                #expect(result.manifest.createdAt == "2026-11-25T09:46:40Z")
                #expect(result.manifest.ollama == .init(host: url.absoluteString, version: try FleetFixtures.scenario("healthy").version))
                #expect(result.manifest.models.map(\.name) == [Self.model, "matthew_context_provider_v2"])
                #expect(result.manifest.models.allSatisfy { $0.digest?.count == 64 })
                let snapshot = try JSONDecoder().decode(ModelSnapshot.self, from: Data(contentsOf: result.folder.appendingPathComponent("louisville_expert_v3.show.json")))
                #expect(snapshot.base == "llama3.2:3b")
                #expect(snapshot.system?.isEmpty == false)
                let verification = BackupManifest.verify(folder: result.folder)
                #expect(verification.isIntact)
                #expect(verification.usable == [Self.model, "matthew_context_provider_v2"])
                #expect(StepGate.backupFiles(in: backups).canRestore("louisville_expert_v3:latest"))
                // No temporary folder is left, and a second backup at the same second gets a folder of its own.
                let again = try await FleetBackup.take([Self.model], client: FleetFixtures.client(url), into: backups, now: Self.now)
                #expect(again.folder.lastPathComponent == "2026-11-25T09-46-40Z-2")
                #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted() == ["2026-11-25T09-46-40Z", "2026-11-25T09-46-40Z-2"])
            }
        }
    }

    @Test func `a backup of a missing model fails and leaves nothing behind`() async throws {
        try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
            await DomainFixtures.withTemporaryDirectory { folder in
                let backups = folder.appendingPathComponent("backups")
                await #expect(throws: OllamaError.self) {
                    try await FleetBackup.take([Self.model, "financial_planning_expert_v6"], client: FleetFixtures.client(url), into: backups)
                }
                #expect((try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? [] == [])
            }
        }
    }

    @Test func `verification names a changed file and the model it breaks`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let result = try await FleetBackup.take([Self.model], client: FleetFixtures.client(url), into: folder, now: Self.now)
                let snapshot = result.folder.appendingPathComponent("louisville_expert_v3.show.json")
                try Data("{}".utf8).write(to: snapshot)
                let verification = BackupManifest.verify(folder: result.folder)
                #expect(!verification.isIntact)
                #expect(verification.usable.isEmpty)
                #expect(verification.problems.count == 1)
                #expect(verification.problems[0].hasPrefix("\(snapshot.path) changed since the backup (sha256 "))
                #expect(verification.rejected[Self.model] == verification.problems[0])
            }
        }
    }

    @Test func `a file the manifest does not list, a model dropped from it, or an empty manifest does not verify`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let result = try await FleetBackup.take([Self.model, "matthew_context_provider_v2"], client: FleetFixtures.client(url), into: folder, now: Self.now)
                let manifestFile = result.folder.appendingPathComponent(BackupManifest.fileName)
                func rewrite(_ change: (inout BackupManifest) -> Void) throws {
                    var manifest = result.manifest
                    change(&manifest)
                    try BackupManifest.encoder().encode(manifest).write(to: manifestFile)
                }
                let added = result.folder.appendingPathComponent("enhanced_agent_fast_v6.Modelfile")
                try Data("FROM llama3.2:3b\n".utf8).write(to: added)
                var verification = BackupManifest.verify(folder: result.folder)
                #expect(!verification.isIntact)
                #expect(verification.problems == ["\(added.path) is not listed in manifest.json"])
                #expect(verification.usable == [Self.model, "matthew_context_provider_v2"], "the listed models are still usable")
                try FileManager.default.removeItem(at: added)

                // The model's entry removed, its checksums kept: its files no longer belong to any model.
                try rewrite { $0.models.removeAll { $0.name == Self.model } }
                verification = BackupManifest.verify(folder: result.folder)
                #expect(!verification.isIntact)
                #expect(verification.problems == [
                    "manifest.json lists louisville_expert_v3.Modelfile, which belongs to no model it lists",
                    "manifest.json lists louisville_expert_v3.show.json, which belongs to no model it lists",
                ])

                try FileManager.default.removeItem(at: result.folder.appendingPathComponent("louisville_expert_v3.Modelfile"))
                try FileManager.default.removeItem(at: result.folder.appendingPathComponent("louisville_expert_v3.show.json"))
                try FileManager.default.removeItem(at: result.folder.appendingPathComponent("matthew_context_provider_v2.Modelfile"))
                try FileManager.default.removeItem(at: result.folder.appendingPathComponent("matthew_context_provider_v2.show.json"))
                try rewrite { $0.models = []; $0.files = [:] }
                verification = BackupManifest.verify(folder: result.folder)
                #expect(!verification.isIntact)
                #expect(verification.problems == ["\(manifestFile.path) lists no model"])
            }
        }
    }
}
