import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

/// The criteria decided from files and the system: backup and migration scripts, documentation, disk, version.
struct FileEvaluatorTests {
    static let scripts = DomainFixtures.mirador.appendingPathComponent("scripts")

    @Test func `the Mirador backup scripts pass`() async {
        let checks = [
            await ScriptProbe.check(Self.scripts.appendingPathComponent("backup_models.sh")),
            await ScriptProbe.check(Self.scripts.appendingPathComponent("rollback_model.sh")),
        ]
        let result = ScriptEvaluator.backup(checks)
        #expect(result.passed, "\(result.message)")
        #expect(result.measured == 2 && result.threshold == .init(.atLeast, 2, unit: "count"))
    }

    @Test func `a missing or non-executable backup script fails with the command that fixes it`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let plain = try DomainFixtures.write("#!/bin/bash\necho ok\n", to: "backup.sh", in: folder, permissions: 0o644)
            let missing = folder.appendingPathComponent("gone.sh")
            let result = ScriptEvaluator.backup([await ScriptProbe.check(plain), await ScriptProbe.check(missing)])
            #expect(!result.passed)
            #expect(result.measured == 0)
            #expect(result.message == "2 of 2 backup scripts fall short: \(plain.path) is not executable. \(missing.path) does not exist.")
            #expect(result.actions == ["chmod +x \(plain.path)", "Create \(missing.path) or fix its path in readiness.json."])
        }
    }

    @Test func `no backup scripts at all is a failure`() {
        let result = ScriptEvaluator.backup([])
        #expect(!result.passed && result.message == "readiness.json lists no backup scripts")
    }

    @Test func `migration scripts pass only when their dry run succeeds`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let good = try DomainFixtures.write("#!/bin/bash\n[ \"$1\" = --dry-run ]\n", to: "good.sh", in: folder, permissions: 0o755)
            let check = await ScriptProbe.check(good)
            let passing = await ScriptProbe.run(good, arguments: ["--dry-run"], timeout: .seconds(10))
            let failing = await ScriptProbe.run(good, arguments: ["--for-real"], timeout: .seconds(10))

            #expect(ScriptEvaluator.migration([(check, passing)]).passed)
            let failed = ScriptEvaluator.migration([(check, failing)])
            #expect(!failed.passed)
            #expect(failed.message == "1 of 1 migration scripts fall short: Its dry run failed: '\(good.path) --for-real' exited with code 1.")
            let untested = ScriptEvaluator.migration([(check, nil)])
            #expect(untested.message == "1 of 1 migration scripts fall short: \(good.path) has no dry run, so it is untested.")
            #expect(failed.severity == .recommended && untested.id == "migration-scripts")
        }
    }

    @Test func `the Mirador migration script's configured dry run succeeds`() async {
        let script = Self.scripts.appendingPathComponent("migrate_model.sh")
        let run = await ScriptProbe.run(script, arguments: ["--dry-run", "matthew_context_provider_v2"], timeout: .seconds(30))
        let result = ScriptEvaluator.migration([(await ScriptProbe.check(script), run)])
        #expect(result.passed, "\(result.message)")
    }

    @Test func `documentation older than the Modelfiles it describes fails`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let doc = try DomainFixtures.write("# Inventory\n", to: "INVENTORY.md", in: folder)
            let empty = try DomainFixtures.write("\n", to: "EMPTY.md", in: folder)
            let modelfile = try DomainFixtures.write("FROM x\n", to: "m.Modelfile", in: folder)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: doc.path)

            let current = DocumentationEvaluator.evaluate([DocumentationProbe.check(empty, describedModelfiles: [])])
            #expect(current.message == "1 of 1 documents fall short: \(empty.path) is empty.")
            let stale = DocumentationEvaluator.evaluate([DocumentationProbe.check(doc, describedModelfiles: [modelfile])])
            #expect(!stale.passed)
            #expect(stale.message.contains("\(doc.path) (modified "))
            #expect(stale.message.contains("is older than \(modelfile.path)"))
            #expect(stale.actions == ["Update \(doc.path) to describe the current models."])
            #expect(!DocumentationEvaluator.evaluate([]).passed)
        }
    }

    struct DiskCase: Sendable, CustomTestStringConvertible {
        var used: Double
        var passed: Bool
        var testDescription: String { "\(used) used" }
    }

    @Test("Disk usage is compared strictly below the threshold", arguments: [
        DiskCase(used: 0.42, passed: true), DiskCase(used: 0.9, passed: false), DiskCase(used: 0.97, passed: false),
    ])
    func disk(_ row: DiskCase) {
        let path = URL(fileURLWithPath: "/data/models")
        let usage = DiskUsage(requestedPath: path, measuredPath: path, totalBytes: 100_000_000_000, availableBytes: 3_000_000_000, usedFraction: row.used)
        let result = SystemHealthEvaluator.disk(usage, threshold: 0.9)
        #expect(result.passed == row.passed)
        #expect(result.measured == row.used && result.threshold == .init(.lessThan, 0.9, unit: "fraction"))
        #expect(result.message.hasSuffix(row.passed ? "below the 90% limit" : "at or above the 90% limit"))
        #expect(result.severity == .recommended)
    }

    struct VersionCase: Sendable, CustomTestStringConvertible {
        var version: String
        var minimum: String?
        var message: String
        var passed: Bool
        var testDescription: String { "\(version) vs \(minimum ?? "none")" }
    }

    @Test("Ollama's version is held to the minimum", arguments: [
        VersionCase(version: "0.12.3", minimum: "0.5.0", message: "Ollama 0.12.3 is running at http://h:1 (minimum 0.5.0)", passed: true),
        VersionCase(version: "0.5.0", minimum: "0.5.0", message: "Ollama 0.5.0 is running at http://h:1 (minimum 0.5.0)", passed: true),
        VersionCase(version: "0.4.7", minimum: "0.5.0", message: "Ollama 0.4.7 at http://h:1 is older than the minimum 0.5.0", passed: false),
        VersionCase(version: "0.5.0-rc1", minimum: "0.5.0", message: "Ollama 0.5.0-rc1 at http://h:1 is older than the minimum 0.5.0", passed: false),
        VersionCase(version: "dev", minimum: "0.5.0", message: "Ollama at http://h:1 reports version 'dev', which cannot be compared with the minimum 0.5.0", passed: false),
        VersionCase(version: "dev", minimum: nil, message: "Ollama dev is running at http://h:1", passed: true),
    ])
    func version(_ row: VersionCase) {
        let result = SystemHealthEvaluator.service(version: row.version, minimumVersion: row.minimum, host: "http://h:1")
        #expect(result.message == row.message)
        #expect(result.passed == row.passed)
        // Whatever the verdict, the version is a fact of the result, so reports need not parse the message.
        #expect(result.facts == [CriterionResult.Fact.ollamaVersion: row.version])
    }

    @Test func `availability follows Ollama's name rules and names the build command`() {
        let model = ReadinessConfig.Model(
            name: "financial_planning_expert_v6", critical: true,
            modelfile: DomainFixtures.mirador.appendingPathComponent("modelfiles/financial_planning_expert_v6.Modelfile"),
            prompts: [.init(prompt: "p", expect: [])]
        )
        let present = AvailabilityEvaluator.evaluate(model, installed: InstalledModels(["llama3.2:3b", "Financial_Planning_Expert_V6:latest"]))
        #expect(present.passed && present.message == "financial_planning_expert_v6 is available as Financial_Planning_Expert_V6:latest")
        let build = "ollama create financial_planning_expert_v6 -f fixtures/mirador/modelfiles/financial_planning_expert_v6.Modelfile"
        let missing = AvailabilityEvaluator.evaluate(model, installed: InstalledModels(["financial_planning_expert_v6:v2"]))
        #expect(!missing.passed)
        #expect(missing.message == "financial_planning_expert_v6 is missing (build it: \(build))")
        #expect(missing.actions == [build])
    }
}
