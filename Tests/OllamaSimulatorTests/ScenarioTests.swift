import Foundation
import OllamaKit
import Testing
@testable import OllamaSimulator

@Suite struct ScenarioTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var json: String
        var message: String
        var testDescription: String { message }
    }

    static let badFiles: [Case] = [
        Case(json: #"{"models": [{"name": "m"}], "extra": 1}"#,
             message: "s.json: extra: unknown key; the keys allowed here are version, numParallel, maxLoadedModels, seed, models, registry"),
        Case(json: #"{"version": "0.12.6"}"#, message: "s.json: models: missing; this key is required"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": {"min": 0.5, "max": 0.1}}}]}"#,
             message: "s.json: models[0].behaviour.latency.max: must be at least min (0.5)"),
        Case(json: #"{"models": [{"name": "a"}, {"name": "b"}, {"name": "c", "behaviour": {"latency": {"min": "fast", "max": 1}}}]}"#,
             message: "s.json: models[2].behaviour.latency.min: expected a number, found the string 'fast'"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": "slow"}}]}"#,
             message: #"s.json: models[0].behaviour.latency: expected seconds or {"min": seconds, "max": seconds}, found the string 'slow'"#),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": {"min": 1, "max": 2, "mean": 1.5}}}]}"#,
             message: "s.json: models[0].behaviour.latency.mean: unknown key; the keys allowed here are min, max"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"faults": [{"kind": "explode"}]}}]}"#,
             message: "s.json: models[0].behaviour.faults[0].kind: 'explode' is not a fault kind; use one of error, hang, truncateStream"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"faults": [{"kind": "error", "rate": 1.5}]}}]}"#,
             message: "s.json: models[0].behaviour.faults[0].rate: must be between 0 and 1"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"faults": [{"kind": "hang", "status": 503}]}}]}"#,
             message: #"s.json: models[0].behaviour.faults[0].status: only applies to kind "error""#),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"faults": [{"kind": "error", "status": 200}]}}]}"#,
             message: "s.json: models[0].behaviour.faults[0].status: must be an HTTP error status (400...599)"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"replies": [{"whenPromptContains": "", "reply": "x"}]}}]}"#,
             message: "s.json: models[0].behaviour.replies[0].whenPromptContains: must not be empty"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"replies": [{"whenPromptContains": "x"}]}}]}"#,
             message: "s.json: models[0].behaviour.replies[0].reply: missing; this key is required"),
        Case(json: #"{"models": [{"name": "m"}, {"name": "M:latest"}]}"#,
             message: "s.json: models[1].name: 'M:latest' is the same model as models[0].name; give each model one entry"),
        Case(json: #"{"models": [{"name": "m"}], "registry": [{"name": "r"}, {"name": "M"}]}"#,
             message: "s.json: registry[1].name: 'M' is the same model as models[0].name; give each model one entry"),
        Case(json: #"{"models": [], "registry": [{"name": "r", "installed": false}]}"#,
             message: "s.json: registry[0].installed: does not apply to a registry model; /api/pull installs it"),
        Case(json: #"{"models": [], "registry": [{"name": "r", "sizeBytes": "big"}]}"#,
             message: "s.json: registry[0].sizeBytes: expected a whole number, found the string 'big'"),
        Case(json: #"{"models": [{"name": "-bad"}]}"#,
             message: "s.json: models[0].name: '-bad' is not a valid Ollama model name: \(OllamaError.invalidModelName("-bad", reason: "the model '-bad' must start with a letter, digit or '_' and contain only letters, digits, '_', '-' and '.'"))"),
        Case(json: #"{"numParallel": 0, "models": []}"#, message: "s.json: numParallel: must be at least 1"),
        Case(json: #"{"models": [{"name": "m", "sizeBytes": -1}]}"#, message: "s.json: models[0].sizeBytes: must not be negative"),
        Case(json: #"{"models": [{"name": "m", "modelfile": {"parameters": {"stop": [["x"]]}}}]}"#,
             message: "s.json: models[0].modelfile.parameters: values must be numbers, strings, booleans or arrays of them"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"tokensPerSecond": 0}}]}"#,
             message: "s.json: models[0].behaviour.tokensPerSecond: must be from 0.001 to 1000000000"),
        // Huge durations once trapped converting to a deadline or to nanoseconds.
        Case(json: #"{"models": [{"name": "m", "behaviour": {"tokensPerSecond": 1e-300}}]}"#,
             message: "s.json: models[0].behaviour.tokensPerSecond: must be from 0.001 to 1000000000"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": 1e300}}]}"#,
             message: "s.json: models[0].behaviour.latency: must be from 0 to 86400 seconds"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": {"min": 0, "max": 1e20}}}]}"#,
             message: "s.json: models[0].behaviour.latency.max: must be from 0 to 86400 seconds"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"latency": -1}}]}"#,
             message: "s.json: models[0].behaviour.latency: must be from 0 to 86400 seconds"),
        Case(json: #"{"models": [], "registry": [{"name": "r", "behaviour": {"loadDuration": 9e18}}]}"#,
             message: "s.json: registry[0].behaviour.loadDuration: must be from 0 to 86400 seconds"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"degradation": {"afterRequests": -1, "latencyFactor": 2}}}]}"#,
             message: "s.json: models[0].behaviour.degradation.afterRequests: must not be negative"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"degradation": {"afterRequests": 3, "latencyFactor": 1}}}]}"#,
             message: "s.json: models[0].behaviour.degradation.latencyFactor: must be more than 1 and at most 1000 (2 makes the model twice as slow)"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"degradation": {"afterRequests": 3}}}]}"#,
             message: "s.json: models[0].behaviour.degradation.latencyFactor: missing; this key is required"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"degradation": {"afterRequests": 3, "latencyFactor": 2, "after": 1}}}]}"#,
             message: "s.json: models[0].behaviour.degradation.after: unknown key; the keys allowed here are afterRequests, latencyFactor"),
        Case(json: #"{"models": [{"name": "m", "behaviour": {"degradation": {"afterRequests": 2.5, "latencyFactor": 2}}}]}"#,
             message: "s.json: models[0].behaviour.degradation.afterRequests: expected a whole number, found the number 2.5"),
        Case(json: #"{"models": [{"name": "m", "sizeBytes": 1.5}]}"#,
             message: "s.json: models[0].sizeBytes: expected a whole number, found the number 1.5"),
        Case(json: #"{"models": {"name": "m"}}"#, message: "s.json: models: expected a list, found an object"),
        Case(json: #"[]"#, message: "s.json: expected an object, found an empty list"),
        Case(json: #"{"models": []"#,
             message: "s.json: line 1, column 14: expected ',' or '}' after the value of 'models', found the end of the input; complete the document: close every open string, array and object"),
        Case(json: #"{"models": []} {}"#,
             message: "s.json: line 1, column 16: expected the end of the input after the top-level value, found '{'; remove it, or put all the values in one array"),
    ]

    @Test("A bad scenario gets one error naming the file, the key path and the problem", arguments: badFiles)
    func rejectsBadScenario(_ row: Case) throws {
        let error = try #require(throws: ScenarioError.self) { try Scenario.decode(Data(row.json.utf8), source: "s.json") }
        #expect(error.description == row.message)
    }

    static let lenientJSON: [Case] = [
        Case(json: "{\"models\": [\n  {\"name\": \"m\", \"installed\": true, \"installed\": false}\n]}",
             message: "line 2, column 36: duplicate key 'installed' in models[0] (first at line 2, column 17); remove one of them"),
        Case(json: "{\"models\": [\n  {\"name\": \"m\",}\n]}", message: "line 2, column 15: trailing comma before '}'; remove the comma"),
    ]

    /// JSON that lenient parsers accept with a changed meaning (the last `installed` wins) is a bad scenario: exit 2.
    @Test(arguments: lenientJSON)
    func `A duplicate key or a trailing comma is refused with its line and column`(_ row: Case) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString).json")
        try Data(row.json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let error = try #require(throws: ScenarioError.self) { try Scenario.load(from: file) }
        #expect(error.description == "\(file.path): \(row.message)")
        #expect(SimulatorCLI.main(["--scenario", file.path]) == 2)
    }

    @Test func `A missing file is named with the reason`() {
        #expect(throws: ScenarioError.unreadable("/no/such/scenario.json", reason: "no such file")) {
            try Scenario.load(from: URL(fileURLWithPath: "/no/such/scenario.json"))
        }
    }

    @Test func `Defaults fill what a minimal scenario leaves out`() throws {
        let scenario = try Scenario.decode(Data(#"{"models": [{"name": "m"}]}"#.utf8), source: "s.json")
        #expect(scenario == Scenario(version: "0.12.6", numParallel: 1, seed: 0, models: [Scenario.Model(name: "m")]))
    }

    @Test func `Latency reads fixed seconds or a range, and encodes back the same`() throws {
        let json = #"{"models": [{"name": "a", "behaviour": {"latency": 0.25}}, {"name": "b", "behaviour": {"latency": {"min": 0.1, "max": 0.2}}}]}"#
        let scenario = try Scenario.decode(Data(json.utf8), source: "s.json")
        #expect(scenario.models.map(\.behaviour.latency) == [.fixed(0.25), .range(min: 0.1, max: 0.2)])
        let again = try Scenario.decode(JSONEncoder().encode(scenario), source: "encoded")
        #expect(again == scenario)
    }

    @Test(arguments: ["healthy", "phase1", "faults", "degraded"])
    func `The fixture scenarios load`(_ name: String) throws {
        let scenario = try Fixtures.scenario(name)
        #expect(scenario.version == "0.12.6")
        #expect(scenario.models.contains { $0.name == "llama3.2:3b" })
    }

    @Test func `The empty-base fixture is phase 1 with the base model in the registry instead of installed`() throws {
        let phase1 = try Fixtures.scenario("phase1")
        let emptyBase = try Fixtures.scenario("phase1-empty-base")
        #expect(emptyBase.registry == phase1.models.filter { $0.name == "llama3.2:3b" })
        #expect(emptyBase.models == phase1.models.filter { $0.name != "llama3.2:3b" })
        #expect(phase1.registry.isEmpty)
    }

    @Test func `Phase 1 installs only the three confirmed-working models and the base`() throws {
        let installed = try Fixtures.scenario("phase1").models.filter(\.installed).map(\.name)
        #expect(installed == ["llama3.2:3b", "matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2"])
    }

    @Test func `The faults fixture uses every fault kind`() throws {
        let kinds = Set(try Fixtures.scenario("faults").models.flatMap(\.behaviour.faults).map(\.kind))
        #expect(kinds == Set(Scenario.Fault.Kind.allCases))
    }

    @Test func `Every healthy reply holds all expected keywords of its Mirador prompt in 30 to 80 words`() throws {
        let scenario = try Fixtures.scenario("healthy")
        let config = try JSONDecoder().decode(MiradorConfig.self, from: Data(contentsOf: Fixtures.directory.appendingPathComponent("mirador/readiness.json")))
        #expect(config.models.count == 6)
        for model in config.models {
            let behaviour = try #require(scenario.models.first { $0.name == model.name }).behaviour
            for prompt in model.prompts {
                let plan = GenerationPlan(behaviour: behaviour, seed: 0, model: model.name, prompt: prompt.prompt, system: nil, occurrence: 0)
                let reply = plan.tokens.joined()
                #expect((30...80).contains(plan.tokens.count), "\(model.name): \(plan.tokens.count) words")
                for keyword in prompt.expect {
                    #expect(reply.lowercased().contains(keyword.lowercased()), "\(model.name) misses '\(keyword)'")
                }
            }
        }
    }

    @Test func `Healthy Modelfile fields match the Mirador Modelfiles`() throws {
        let scenario = try Fixtures.scenario("healthy")
        for model in scenario.models where model.name != "llama3.2:3b" {
            let text = try String(contentsOf: Fixtures.directory.appendingPathComponent("mirador/modelfiles/\(model.name).Modelfile"), encoding: .utf8)
            #expect(text.contains("FROM \(model.modelfile.from ?? "")\n"))
            #expect(text.contains("SYSTEM \"\"\"\(model.modelfile.system ?? "")\"\"\""))
            for (name, value) in model.modelfile.parameters {
                #expect(text.contains("PARAMETER \(name) \(value.doubleValue.map { $0 == $0.rounded() ? "\(Int($0))" : "\($0)" } ?? "")\n"))
            }
        }
    }

    private struct MiradorConfig: Decodable {
        struct Model: Decodable {
            struct Prompt: Decodable {
                var prompt: String
                var expect: [String]
            }
            var name: String
            var prompts: [Prompt]
        }
        var models: [Model]
    }
}
