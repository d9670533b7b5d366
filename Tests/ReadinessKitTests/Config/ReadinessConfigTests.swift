import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

@Suite struct ReadinessConfigTests {
    let file = DomainFixtures.mirador.appendingPathComponent("readiness.json")

    @Test func `the state folder holds relative backups and is named by READINESS_STATE_DIR`() async throws {
        let named = try ReadinessConfig.load(from: file, environment: ["READINESS_STATE_DIR": "/ci/state"])
        #expect(named.stateFolder.path == "/ci/state")
        #expect(named.backup?.directory.path == "/ci/state/backups")
        try await DomainFixtures.withTemporaryDirectory { folder in
            let absolute = try DomainFixtures.write("""
                {"models": [{"name": "a", "prompts": [{"prompt": "p", "expect": ["x"]}]}],
                 "backup": {"scripts": ["b.sh"], "directory": "/srv/backups"}}
                """, to: "readiness.json", in: folder)
            let config = try ReadinessConfig.load(from: absolute, environment: ["READINESS_STATE_DIR": "/ci/state"])
            #expect(config.backup?.directory.path == "/srv/backups")
        }
    }

    @Test func `the Mirador config decodes with its values and resolved paths`() throws {
        let config = try ReadinessConfig.load(from: file, environment: ["HOME": "/home/tester"])
        let folder = DomainFixtures.mirador.standardizedFileURL

        #expect(config.ollama.host == URL(string: "http://127.0.0.1:11434"))
        #expect(config.ollama.minimumVersion == "0.5.0")
        #expect(config.ollama.modelsPath.path == "/home/tester/.ollama/models")
        #expect(config.thresholds == ReadinessConfig.Thresholds())
        #expect(config.models.map(\.name) == DomainFixtures.miradorModels)
        #expect(config.models.map(\.buildPriority) == [4, 5, 6, 1, 2, 3])
        #expect(config.criticalModels.count == 6)
        let financial = try #require(config.model(named: "Financial_Planning_Expert_V6:latest"))
        #expect(financial.modelfile == folder.appendingPathComponent("modelfiles/financial_planning_expert_v6.Modelfile"))
        #expect(financial.prompts.first?.expect == ["emergency fund", "months", "expenses"])
        #expect(financial.prompts.first?.system == nil)
        #expect(config.backup?.scripts.map(\.path) == ["scripts/backup_models.sh", "scripts/rollback_model.sh"].map { folder.appendingPathComponent($0).path })
        #expect(config.stateFolder == folder.appendingPathComponent(".readiness", isDirectory: true))
        #expect(config.backup?.directory == folder.appendingPathComponent(".readiness/backups"))
        #expect(config.migration?.scripts.first?.path == folder.appendingPathComponent("scripts/migrate_model.sh"))
        #expect(config.migration?.scripts.first?.dryRun == ["--dry-run", "matthew_context_provider_v2"])
        #expect(config.documentation.map(\.path.lastPathComponent) == ["MODEL_INVENTORY.md", "ROLLBACK.md"])
        #expect(config.modelfiles(describedBy: config.documentation[0]).count == 6)
        #expect(config.documentation[1].describes.isEmpty)
        #expect(config.gates.map(\.name) == ["phase2"])
        #expect(config.gate(named: "phase2")?.criteria == ReadinessConfig.defaultGate.criteria)
        #expect(config.judge == nil)
    }

    @Test func `the default gate requires every critical catalog criterion, in catalog order, and nothing else`() {
        let gate = ReadinessConfig.defaultGate
        #expect(gate.name == "phase2" && gate.allCritical)
        #expect(gate.criteria == [
            "models-available", "models-respond", "success-rate", "response-time",
            "quality", "backup-scripts", "configs", "ollama-service",
        ])
        for criterion in Criterion.all {
            #expect(gate.criteria.contains(criterion.id) == (criterion.severity == .critical), "\(criterion)")
        }
    }

    @Test func `every path in the Mirador config points at an existing fixture`() throws {
        let config = try ReadinessConfig.load(from: file, environment: [:])
        let paths = config.models.compactMap(\.modelfile) + (config.backup?.scripts ?? [])
            + (config.migration?.scripts.map(\.path) ?? []) + config.documentation.map(\.path)
        #expect(paths.count == 11)
        for path in paths {
            #expect(FileManager.default.fileExists(atPath: path.path), "\(path.path)")
        }
    }

    @Test func `models sort by migration order and the critical ones are listed`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write("""
                {"models": [
                  {"name": "c", "migrationOrder": 2, "prompts": [{"prompt": "p", "expect": ["k"]}]},
                  {"name": "unordered", "critical": false, "prompts": [{"prompt": "p", "expect": ["k"]}]},
                  {"name": "a", "migrationOrder": 1, "prompts": [{"prompt": "p", "expect": ["k"], "system": "s"}]}
                ]}
                """, to: "readiness.json", in: folder)
            let config = try ReadinessConfig.load(from: url, environment: [:])
            #expect(config.modelsInMigrationOrder.map(\.name) == ["a", "c", "unordered"])
            #expect(config.criticalModels.map(\.name) == ["c", "a"])
            #expect(config.models[2].prompts[0].system == "s")
            #expect(config.gates == [ReadinessConfig.defaultGate])
            #expect(config.backup == nil && config.migration == nil && config.documentation.isEmpty)
        }
    }

    @Test func `performance thresholds are optional, and passRounds is at most rounds`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let models = #""models": [{"name": "m", "prompts": [{"prompt": "p", "expect": ["k"]}]}]"#
            let plain = try ReadinessConfig.load(from: DomainFixtures.write("{\(models)}", to: "a.json", in: folder), environment: [:])
            #expect(plain.thresholds.p95ResponseSeconds == nil && plain.thresholds.passRounds == nil)
            #expect(plain.thresholds.roundsToPass == 1)
            let url = try DomainFixtures.write("""
                {"thresholds": {"rounds": 3, "passRounds": 2, "p95ResponseSeconds": 45, "timeToFirstTokenSeconds": 2,
                 "minimumTokensPerSecond": 10}, \(models)}
                """, to: "b.json", in: folder)
            let thresholds = try ReadinessConfig.load(from: url, environment: [:]).thresholds
            #expect(thresholds.p95ResponseSeconds == 45 && thresholds.timeToFirstTokenSeconds == 2)
            #expect(thresholds.minimumTokensPerSecond == 10 && thresholds.passRounds == 2 && thresholds.roundsToPass == 2)
            let tooMany = try DomainFixtures.write(#"{"thresholds": {"rounds": 2, "passRounds": 3}, "# + models + "}", to: "c.json", in: folder)
            #expect(throws: ConfigError.self) { try ReadinessConfig.load(from: tooMany, environment: [:]) }
            let negative = try DomainFixtures.write(#"{"thresholds": {"p95ResponseSeconds": 0}, "# + models + "}", to: "d.json", in: folder)
            #expect(throws: ConfigError.self) { try ReadinessConfig.load(from: negative, environment: [:]) }
        }
    }

    @Test func `optional sections decode thresholds, gates, judge and models path`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write("""
                {"ollama": {"host": "https://ollama.example:8443/", "modelsPath": "~/models"},
                 "thresholds": {"successRate": 1, "averageResponseSeconds": 2.5, "rounds": 3, "maxConcurrentRequests": 4},
                 "models": [{"name": "m", "modelfile": "/abs/m.Modelfile", "prompts": [{"prompt": "p", "expect": ["k"]}]}],
                 "gates": {"smoke": {"criteria": ["models-available"]}, "alpha": {"description": "d", "criteria": ["x"], "allCritical": true}},
                 "judge": {"model": "llama3.2:3b"}}
                """, to: "sub/readiness.json", in: folder)
            let config = try ReadinessConfig.load(from: url, environment: ["HOME": "/h", "OLLAMA_MODELS": "/ignored"])
            #expect(config.ollama.host == URL(string: "https://ollama.example:8443"))
            #expect(config.ollama.modelsPath.path == "/h/models")
            #expect(config.thresholds.successRate == 1)
            #expect(config.thresholds.averageResponseSeconds == 2.5)
            #expect(config.thresholds.rounds == 3 && config.thresholds.maxConcurrentRequests == 4)
            #expect(config.thresholds.quality == 0.6)
            #expect(config.models[0].modelfile?.path == "/abs/m.Modelfile")
            #expect(config.gates.map(\.name) == ["alpha", "smoke"])
            #expect(config.gates[0].description == "d")
            #expect(config.gates.map(\.allCritical) == [true, false])
            #expect(config.judge == ReadinessConfig.Judge(model: "llama3.2:3b", weight: 0.5))
        }
    }

    @Test(arguments: [
        ("127.0.0.1:9999", "http://127.0.0.1:9999"),
        ("0.0.0.0", "http://127.0.0.1:11434"),
        (":8080", "http://127.0.0.1:8080"),
        ("http://example.com", "http://example.com:80"),
        ("https://example.com/", "https://example.com:443"),
        ("\"localhost:1234\"", "http://localhost:1234"),
    ])
    func `OLLAMA_HOST overrides the host the way Ollama reads it`(value: String, expected: String) throws {
        let config = try ReadinessConfig.load(from: file, environment: ["OLLAMA_HOST": value])
        #expect(config.ollama.host.absoluteString == expected)
    }

    @Test func `OLLAMA_MODELS gives the models path when the file has none`() throws {
        let config = try ReadinessConfig.load(from: file, environment: ["OLLAMA_MODELS": "/srv/ollama/models"])
        #expect(config.ollama.modelsPath.path == "/srv/ollama/models")
    }

    @Test func `an unusable OLLAMA_HOST is an error naming the variable`() {
        #expect(throws: ConfigError.invalidValue(file.relativePath, keyPath: "OLLAMA_HOST", problem: "expected an Ollama host such as '127.0.0.1:11434', found the string 'ftp://x'", fix: "Fix or unset the OLLAMA_HOST environment variable.")) {
            try ReadinessConfig.load(from: file, environment: ["OLLAMA_HOST": "ftp://x"])
        }
    }

    @Test func `locate prefers READINESS_CONFIG and falls back to readiness.json in the current folder`() {
        let cwd = URL(fileURLWithPath: "/work/project")
        #expect(ReadinessConfig.locate(environment: [:], currentDirectory: cwd).path == "/work/project/readiness.json")
        #expect(ReadinessConfig.locate(environment: ["READINESS_CONFIG": "ci/r.json"], currentDirectory: cwd).path == "/work/project/ci/r.json")
        #expect(ReadinessConfig.locate(environment: ["READINESS_CONFIG": "/etc/r.json"], currentDirectory: cwd).path == "/etc/r.json")
    }

    @Test(arguments: [
        ("FINANCIAL_PLANNING_EXPERT_V6:latest", true),
        ("library/financial_planning_expert_v6", true),
        ("registry.ollama.ai/library/financial_planning_expert_v6:latest", true),
        ("financial_planning_expert_v6:q4", false),
        ("me/financial_planning_expert_v6", false),
    ])
    func `models are looked up by Ollama's name rules`(name: String, found: Bool) throws {
        let config = try ReadinessConfig.load(from: file, environment: [:])
        #expect((config.model(named: name)?.name == "financial_planning_expert_v6") == found)
    }
}
