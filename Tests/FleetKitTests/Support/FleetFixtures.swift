import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import TestFixtures
import Testing

/// Configs, scenarios, clients and script runs for the FleetKit tests.
enum FleetFixtures {
    /// The three Mirador models missing in the phase1 scenario, in build priority order.
    static let phase1Missing = ["financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6"]

    /// Tests/FleetKitTests/Support/ollama: the folder of the `ollama` stand-in, put first on PATH for scripts.
    static let standIn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ollama")

    static func scenario(_ name: String) throws -> Scenario {
        try Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/\(name).json"))
    }

    /// `scenario` with `change` applied to the model called `name`.
    static func scenario(_ name: String, changing model: String, _ change: (inout Scenario.Model) -> Void) throws -> Scenario {
        var scenario = try scenario(name)
        let index = try #require(scenario.models.firstIndex { $0.name == model }, "no model \(model) in \(name)")
        change(&scenario.models[index])
        return scenario
    }

    /// The Mirador fleet pointed at `host`.
    static func mirador(host: URL) throws -> ReadinessConfig {
        try load(DomainFixtures.mirador.appendingPathComponent("readiness.json"), host: host)
    }

    static func client(_ host: URL) -> OllamaClient {
        OllamaClient(.init(baseURL: host, requestTimeout: .seconds(30)))
    }

    /// A fleet model of `fleet(_:in:host:)`: a name, the FROM of its Modelfile, its build priority.
    struct Member {
        var name: String
        var from: String
        var priority: Int?
        var extraLines: [String] = []
    }

    /// Writes readiness.json and one Modelfile per member into `folder`, and loads the config.
    static func fleet(_ members: [Member], in folder: URL, host: URL) throws -> ReadinessConfig {
        var models: [[String: Any]] = []
        for member in members {
            let modelfile = (["FROM \(member.from)", "SYSTEM You are \(member.name)."] + member.extraLines).joined(separator: "\n")
            try DomainFixtures.write(modelfile + "\n", to: "\(member.name).Modelfile", in: folder)
            var model: [String: Any] = [
                "name": member.name, "modelfile": "\(member.name).Modelfile",
                "prompts": [["prompt": "Who are you?", "expect": ["assistant"]]],
            ]
            model["buildPriority"] = member.priority
            models.append(model)
        }
        let json = try JSONSerialization.data(withJSONObject: ["models": models], options: [.sortedKeys])
        let file = try DomainFixtures.write(String(decoding: json, as: UTF8.self), to: "readiness.json", in: folder)
        return try load(file, host: host)
    }

    /// Writes `script` into `folder` and runs it with bash, the `ollama` stand-in (or the one in `path`) first
    /// on PATH, talking to `host`, with `extra` added to the environment.
    static func run(
        _ script: String, named name: String, in folder: URL, host: URL, path: URL = standIn, extra: [String: String] = [:]
    ) async throws -> Subprocess.Result {
        let file = try DomainFixtures.write(script, to: name, in: folder, permissions: 0o755)
        var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        environment["PATH"] = path.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["OLLAMA_HOST"] = host.absoluteString
        return try await Subprocess.run("bash", [file.path], currentDirectory: folder, environment: environment, timeout: .seconds(50))
    }

    /// `bash -n`'s verdict on `script`: `nil` when it passes, else its complaint.
    static func syntaxProblem(_ script: String) async throws -> String? {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = try DomainFixtures.write(script, to: "script.sh", in: folder, permissions: 0o755)
            let check = await ScriptProbe.check(file)
            return check.passed ? nil : check.message
        }
    }

    private static func load(_ file: URL, host: URL) throws -> ReadinessConfig {
        try ReadinessConfig.load(from: file, environment: ["OLLAMA_HOST": host.absoluteString, "HOME": NSTemporaryDirectory()])
    }
}
