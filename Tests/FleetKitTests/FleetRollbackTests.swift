import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import TestFixtures
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct FleetRollbackTests {
    static let model = FleetBackupTests.model

    @Test func `a rollback re-creates the model from its backup under its own name and leaves no temporary model`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let client = FleetFixtures.client(url)
                let backup = try await FleetBackup.take([Self.model], client: client, into: folder)
                let before = try await client.show(ShowRequest(model: Self.model))
                // The migration changes the model; the rollback must bring back the backed-up one.
                for try await _ in client.create(CreateRequest(model: Self.model, from: "llama3.2:3b", system: "changed", parameters: ["temperature": 1.5])) {}
                #expect(try await client.show(ShowRequest(model: Self.model)).system == "changed")

                let restored = try await FleetRollback.restore(Self.model, from: backup.folder, client: client)
                #expect(restored.base == "llama3.2:3b")
                #expect(restored.warnings.isEmpty)
                let after = try await client.show(ShowRequest(model: Self.model))
                let base = try await client.show(ShowRequest(model: "llama3.2:3b"))
                #expect(FleetRollback.mismatch(after, try Self.snapshot(backup), base: base) == nil)
                #expect(after.parameters?.contains("temperature                    0.3") == true)
                #expect(after.system == before.system)
                let names = try await client.listModels().models.map(\.name)
                #expect(!names.contains { $0.hasPrefix("readiness-rollback-") }, "\(names)")
            }
        }
    }

    @Test func `a rollback refuses when the base model is not installed, saying a backup stores no weights`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let client = FleetFixtures.client(url)
                let backup = try await FleetBackup.take([Self.model], client: client, into: folder)
                try await client.delete("llama3.2:3b")
                let error = await #expect(throws: FleetError.self) {
                    try await FleetRollback.restore(Self.model, from: backup.folder, client: client)
                }
                #expect(error?.description == "louisville_expert_v3 was not rolled back and is unchanged: its base model 'llama3.2:3b' is not installed, and a backup stores no weights: install it first ('ollama pull llama3.2:3b', or build it), then roll back again.")
                #expect(try await client.show(ShowRequest(model: Self.model)).system != nil)
            }
        }
    }

    @Test func `a rollback from a damaged backup is refused and the model is untouched`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let client = FleetFixtures.client(url)
                let backup = try await FleetBackup.take([Self.model], client: client, into: folder)
                try Data("FROM llama3.2:3b\nSYSTEM tampered\n".utf8).write(to: backup.folder.appendingPathComponent("\(Self.model).Modelfile"))
                let tags = try await client.listModels()
                let error = await #expect(throws: FleetError.self) {
                    try await FleetRollback.restore(Self.model, from: backup.folder, client: client)
                }
                #expect(error?.description.contains("its backup cannot be trusted: ") == true)
                #expect(try await client.listModels() == tags)
                await #expect(throws: FleetError.self) {
                    try await FleetRollback.restore("decision_simplifier_v2", from: backup.folder, client: client)
                }
            }
        }
    }

    static func snapshot(_ backup: FleetBackup.Result) throws -> ModelSnapshot {
        try JSONDecoder().decode(ModelSnapshot.self, from: Data(contentsOf: backup.folder.appendingPathComponent("\(model).show.json")))
    }
}
