import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

@Suite struct ConfigErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var json: String
        /// The message after the "<file>: " prefix.
        var message: String
        var testDescription: String { name }
    }

    /// A valid model, so each case can break one thing.
    static let model = #"{"name": "m", "prompts": [{"prompt": "p", "expect": ["k"]}]}"#

    static let cases: [Case] = [
        Case(name: "invalid JSON", json: "{\n  \"models\": [,]\n}",
             message: "line 2, column 14: expected a value, found ','; write a string in double quotes, a number, true, false, null, an array or an object"),
        Case(name: "truncated JSON", json: "{\"models\": [",
             message: "line 1, column 13: expected a value, found the end of the input; complete the document: close every open string, array and object"),
        Case(name: "not an object", json: "[]",
             message: "top level: expected an object, found an empty list. Write the configuration as a JSON object; see fixtures/mirador/readiness.json for an example."),
        Case(name: "misspelt top-level key", json: #"{"treshold": {}, "models": [\#(model)]}"#,
             message: "treshold: unknown key 'treshold' (did you mean 'thresholds'?). Rename it to 'thresholds' or remove it."),
        Case(name: "unknown key without a near match", json: #"{"models": [\#(model)], "ollama": {"colour": 1}}"#,
             message: "ollama.colour: unknown key 'colour'. Remove it; the keys allowed here are host, hosts, minimumVersion, modelsPath."),
        Case(name: "misspelt criterion in severities", json: #"{"models": [\#(model)], "severities": {"backup-script": "recommended"}}"#,
             message: "severities.backup-script: unknown key 'backup-script' (did you mean 'backup-scripts'?). Rename it to 'backup-scripts' or remove it."),
        Case(name: "unknown severity", json: #"{"models": [\#(model)], "severities": {"configs": "optional"}}"#,
             message: "severities.configs: expected 'critical' or 'recommended', found the string 'optional'. Write { \"criterion-id\": \"recommended\" } for a catalog criterion, or \"critical\"."),
        Case(name: "missing models", json: "{}",
             message: "top level: missing required key 'models'. Add the list of models to check; see fixtures/mirador/readiness.json for an example."),
        Case(name: "empty models", json: #"{"models": []}"#,
             message: "models: expected a non-empty list of models, found an empty list. Add at least one model with a name and test prompts."),
        Case(name: "empty keywords", json: #"{"models": [\#(model), \#(model.replacingOccurrences(of: "\"m\"", with: "\"n\"").replacingOccurrences(of: "[\"k\"]", with: "[]"))]}"#,
             message: "models[1].prompts[0].expect: expected a non-empty list of keywords, found an empty list. Add at least one keyword the answer must contain."),
        Case(name: "blank keyword", json: #"{"models": [{"name": "m", "prompts": [{"prompt": "p", "expect": ["k", " "]}]}]}"#,
             message: "models[0].prompts[0].expect[1]: expected a keyword (a non-empty string), found the string ' '. Write the word or phrase the answer must contain."),
        Case(name: "missing prompt", json: #"{"models": [{"name": "m", "prompts": [{"expect": ["k"]}]}]}"#,
             message: "models[0].prompts[0]: missing required key 'prompt'. Add the question to send to the model."),
        Case(name: "no prompts", json: #"{"models": [{"name": "m", "prompts": []}]}"#,
             message: "models[0].prompts: expected a non-empty list of test prompts, found an empty list. Add at least one { \"prompt\": …, \"expect\": […] }."),
        Case(name: "model name with a space", json: #"{"models": [{"name": "my model", "prompts": []}]}"#,
             message: "models[0].name: 'my model' is not a valid Ollama model name: the model 'my model' must start with a letter, digit or '_' and contain only letters, digits, '_', '-' and '.'. Write the name as `ollama list` shows it, e.g. \"financial_planning_expert_v6\"."),
        Case(name: "duplicate model by Ollama's name rules", json: #"{"models": [\#(model), \#(model.replacingOccurrences(of: "\"m\"", with: "\"M:latest\""))]}"#,
             message: "models[1].name: 'M:latest' is the same Ollama model as models[0].name 'm'. Give each model a distinct name (names are case-insensitive and 'x' means 'x:latest')."),
        Case(name: "duplicate migration order", json: #"{"models": [{"name": "a", "migrationOrder": 1, "prompts": [{"prompt": "p", "expect": ["k"]}]}, {"name": "b", "migrationOrder": 1, "prompts": [{"prompt": "p", "expect": ["k"]}]}]}"#,
             message: "models[1].migrationOrder: migration order 1 is already used by models[0] ('a'). Give each model its own position in the migration order."),
        Case(name: "critical as a string", json: #"{"models": [{"name": "m", "critical": "yes", "prompts": []}]}"#,
             message: "models[0].critical: expected true or false, found the string 'yes'. Write true if the model's failures must block a gate, else false."),
        Case(name: "fractional build priority", json: #"{"models": [{"name": "m", "buildPriority": 1.5, "prompts": []}]}"#,
             message: "models[0].buildPriority: expected a whole number of at least 1, found the number 1.5. Write a count or position starting at 1."),
        Case(name: "success rate above 1", json: #"{"thresholds": {"successRate": 80}, "models": [\#(model)]}"#,
             message: "thresholds.successRate: expected a fraction greater than 0 and at most 1, found the number 80. Write it as a decimal, e.g. 0.8 for 80%."),
        Case(name: "zero quality", json: #"{"thresholds": {"quality": 0}, "models": [\#(model)]}"#,
             message: "thresholds.quality: expected a fraction greater than 0 and at most 1, found the number 0. Write it as a decimal, e.g. 0.8 for 80%."),
        Case(name: "negative seconds", json: #"{"thresholds": {"averageResponseSeconds": -1}, "models": [\#(model)]}"#,
             message: "thresholds.averageResponseSeconds: expected a number of seconds greater than 0 and at most 3600, found the number -1. Write the limit in seconds, e.g. 30."),
        Case(name: "boolean timeout", json: #"{"thresholds": {"requestTimeoutSeconds": true}, "models": [\#(model)]}"#,
             message: "thresholds.requestTimeoutSeconds: expected a number of seconds greater than 0 and at most 3600, found true. Write the limit in seconds, e.g. 30."),
        Case(name: "zero rounds", json: #"{"thresholds": {"rounds": 0}, "models": [\#(model)]}"#,
             message: "thresholds.rounds: expected a whole number from 1 to 100, found the number 0. Write how many times each prompt is sent, e.g. 3."),
        Case(name: "misspelt threshold", json: #"{"thresholds": {"succesRate": 0.8}, "models": [\#(model)]}"#,
             message: "thresholds.succesRate: unknown key 'succesRate' (did you mean 'successRate'?). Rename it to 'successRate' or remove it."),
        Case(name: "bad host", json: #"{"ollama": {"host": "ftp://example.com"}, "models": [\#(model)]}"#,
             message: "ollama.host: expected an Ollama URL, found the string 'ftp://example.com'. Use http:// or https:// with a host and an optional port, e.g. 'http://127.0.0.1:11434'."),
        Case(name: "bad minimum version", json: #"{"ollama": {"minimumVersion": "v0.5"}, "models": [\#(model)]}"#,
             message: "ollama.minimumVersion: expected a version such as '0.5.0', found the string 'v0.5'. Write the lowest acceptable Ollama version."),
        Case(name: "empty backup scripts", json: #"{"backup": {"scripts": []}, "models": [\#(model)]}"#,
             message: "backup.scripts: expected a non-empty list of script paths, found an empty list. List at least one backup script."),
        Case(name: "migration script without path", json: #"{"migration": {"scripts": [{"dryRun": []}]}, "models": [\#(model)]}"#,
             message: "migration.scripts[0]: missing required key 'path'. Add the script's path."),
        Case(name: "dry run arguments not strings", json: #"{"migration": {"scripts": [{"path": "m.sh", "dryRun": [1]}]}, "models": [\#(model)]}"#,
             message: "migration.scripts[0].dryRun[0]: expected an argument (a string), found the number 1. Write each argument as a string."),
        Case(name: "document describing an unknown model", json: #"{"documentation": [{"path": "d.md", "describes": ["m", "ghost"]}], "models": [\#(model)]}"#,
             message: "documentation[0].describes[1]: 'ghost' is not one of the models in this file. Use a name from models[].name or remove it."),
        Case(name: "gate with no criteria", json: #"{"gates": {"phase2": {"criteria": []}}, "models": [\#(model)]}"#,
             message: "gates.phase2.criteria: expected a non-empty list of criterion ids, found an empty list. List the criteria this gate requires, e.g. \"models-available\"."),
        Case(name: "gate allCritical not a boolean", json: #"{"gates": {"phase2": {"criteria": ["quality"], "allCritical": "yes"}}, "models": [\#(model)]}"#,
             message: "gates.phase2.allCritical: expected true or false, found the string 'yes'. Write true to also require every critical criterion the run records, else false."),
        Case(name: "no gates", json: #"{"gates": {}, "models": [\#(model)]}"#,
             message: "gates: expected an object of gates, found an empty object. Define at least one gate, or remove 'gates' to use the default phase2 gate."),
        Case(name: "judge weight out of range", json: #"{"judge": {"model": "llama3.2", "weight": 2}, "models": [\#(model)]}"#,
             message: "judge.weight: expected a fraction greater than 0 and at most 1, found the number 2. Write the judge's share of the quality score, e.g. 0.5."),
    ] + bounds

    /// Values past an upper bound used to crash the test process (Duration overflow, arrays of billions of queries).
    static let bounds: [Case] = [
        Case(name: "huge request timeout", json: #"{"thresholds": {"requestTimeoutSeconds": 1e300}, "models": [\#(model)]}"#,
             message: "thresholds.requestTimeoutSeconds: expected a number of seconds greater than 0 and at most 3600, found the number 1e300. Write the limit in seconds, e.g. 30."),
        Case(name: "request timeout just above an hour", json: #"{"thresholds": {"requestTimeoutSeconds": 3600.5}, "models": [\#(model)]}"#,
             message: "thresholds.requestTimeoutSeconds: expected a number of seconds greater than 0 and at most 3600, found the number 3600.5. Write the limit in seconds, e.g. 30."),
        Case(name: "zero request timeout", json: #"{"thresholds": {"requestTimeoutSeconds": 0}, "models": [\#(model)]}"#,
             message: "thresholds.requestTimeoutSeconds: expected a number of seconds greater than 0 and at most 3600, found the number 0. Write the limit in seconds, e.g. 30."),
        Case(name: "huge average response time", json: #"{"thresholds": {"averageResponseSeconds": 86400}, "models": [\#(model)]}"#,
             message: "thresholds.averageResponseSeconds: expected a number of seconds greater than 0 and at most 3600, found the number 86400. Write the limit in seconds, e.g. 30."),
        Case(name: "a billion rounds", json: #"{"thresholds": {"rounds": 1000000000}, "models": [\#(model)]}"#,
             message: "thresholds.rounds: expected a whole number from 1 to 100, found the number 1000000000. Write how many times each prompt is sent, e.g. 3."),
        Case(name: "101 rounds", json: #"{"thresholds": {"rounds": 101}, "models": [\#(model)]}"#,
             message: "thresholds.rounds: expected a whole number from 1 to 100, found the number 101. Write how many times each prompt is sent, e.g. 3."),
        Case(name: "zero concurrent requests", json: #"{"thresholds": {"maxConcurrentRequests": 0}, "models": [\#(model)]}"#,
             message: "thresholds.maxConcurrentRequests: expected a whole number from 1 to 64, found the number 0. Write how many requests Ollama serves at once (OLLAMA_NUM_PARALLEL), e.g. 2."),
        Case(name: "65 concurrent requests", json: #"{"thresholds": {"maxConcurrentRequests": 65}, "models": [\#(model)]}"#,
             message: "thresholds.maxConcurrentRequests: expected a whole number from 1 to 64, found the number 65. Write how many requests Ollama serves at once (OLLAMA_NUM_PARALLEL), e.g. 2."),
        Case(name: "disk fraction above 1", json: #"{"thresholds": {"diskUsedFraction": 1.5}, "models": [\#(model)]}"#,
             message: "thresholds.diskUsedFraction: expected a fraction greater than 0 and at most 1, found the number 1.5. Write it as a decimal, e.g. 0.8 for 80%."),
        Case(name: "negative success rate", json: #"{"thresholds": {"successRate": -0.5}, "models": [\#(model)]}"#,
             message: "thresholds.successRate: expected a fraction greater than 0 and at most 1, found the number -0.5. Write it as a decimal, e.g. 0.8 for 80%."),
        Case(name: "zero judge weight", json: #"{"judge": {"model": "llama3.2", "weight": 0}, "models": [\#(model)]}"#,
             message: "judge.weight: expected a fraction greater than 0 and at most 1, found the number 0. Write the judge's share of the quality score, e.g. 0.5."),
        Case(name: "zero deadline", json: #"{"deadlineSeconds": 0, "models": [\#(model)]}"#,
             message: "deadlineSeconds: expected a whole number of seconds from 1 to 86400, found the number 0. Give the whole run's time limit in seconds, e.g. 3600."),
        Case(name: "deadline past a day", json: #"{"deadlineSeconds": 86401, "models": [\#(model)]}"#,
             message: "deadlineSeconds: expected a whole number of seconds from 1 to 86400, found the number 86401. Give the whole run's time limit in seconds, e.g. 3600."),
        Case(name: "gate of recommended criteria only", json: #"{"gates": {"ops": {"criteria": ["disk-space", "docs"]}}, "models": [\#(model)]}"#,
             message: "gates.ops.criteria: gate 'ops' has only recommended criteria (disk-space, docs), so no failure could block it. Add a critical criterion, set \"allCritical\": true, or make one critical under \"severities\"."),
        Case(name: "gate of criteria made recommended by severities", json: #"{"severities": {"backup-scripts": "recommended"}, "gates": {"ops": {"criteria": ["backup-scripts"]}}, "models": [\#(model)]}"#,
             message: "gates.ops.criteria: gate 'ops' has only recommended criteria (backup-scripts), so no failure could block it. Add a critical criterion, set \"allCritical\": true, or make one critical under \"severities\"."),
        Case(name: "gate id a near miss of a catalog id", json: #"{"gates": {"phase2": {"criteria": ["models-available", "qualty"]}}, "models": [\#(model)]}"#,
             message: "gates.phase2.criteria[1]: unknown criterion 'qualty' (did you mean 'quality'?). Rename it to 'quality', or give your own criterion an id that is not a near miss of a catalog one."),
        Case(name: "gate id in the wrong case", json: #"{"gates": {"phase2": {"criteria": ["Configs"]}}, "models": [\#(model)]}"#,
             message: "gates.phase2.criteria[0]: unknown criterion 'Configs' (did you mean 'configs'?). Rename it to 'configs', or give your own criterion an id that is not a near miss of a catalog one."),
    ]

    @Test func `in-range bounds, a user's own criterion id and a recommended gate with allCritical load`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let json = #"""
                {"deadlineSeconds": 86400, "thresholds": {"requestTimeoutSeconds": 3600, "rounds": 100, "maxConcurrentRequests": 64, "averageResponseSeconds": 0.5},
                 "gates": {"ops": {"criteria": ["disk-space"], "allCritical": true}, "team": {"criteria": ["context-window"]}}, "models": [\#(Self.model)]}
                """#
            let config = try ReadinessConfig.load(from: try DomainFixtures.write(json, to: "readiness.json", in: folder), environment: [:])
            #expect(config.deadlineSeconds == 86400)
            #expect(config.thresholds.rounds == 100)
            #expect(config.gate(named: "team")?.criteria == ["context-window"])
        }
    }

    @Test(arguments: cases)
    func `a bad config is one error naming the file, key path and fix`(_ testCase: Case) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write(testCase.json, to: "readiness.json", in: folder)
            let error = try #require(throws: ConfigError.self) {
                try ReadinessConfig.load(from: url, environment: [:])
            }
            #expect(error.description == "\(url.path): \(testCase.message)")
        }
    }

    static let lenientJSON: [Case] = [
        Case(name: "duplicate key", json: """
            {"models": [{"name": "m",
                         "critical": true,
                         "critical": false,
                         "prompts": [{"prompt": "p", "expect": ["k"]}]}]}
            """,
            message: "line 3, column 14: duplicate key 'critical' in models[0] (first at line 2, column 14); remove one of them"),
        Case(name: "trailing comma", json: #"{"models": [\#(model),]}"#,
             message: "line 1, column 73: trailing comma before ']'; remove the comma"),
    ]

    /// JSON that lenient parsers accept with a changed meaning (the last `critical` wins) is a config error: exit 2.
    @Test(arguments: lenientJSON)
    func `a duplicate key or a trailing comma is a config error with its line and column`(_ testCase: Case) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write(testCase.json, to: "readiness.json", in: folder)
            let error = try #require(throws: ConfigError.self) {
                try ReadinessConfig.load(from: url, environment: [:])
            }
            #expect(error.description == "\(url.path): \(testCase.message)")
            #expect(error.keyPath == nil)
        }
    }

    @Test func `a missing file says how to create or point at one`() {
        let url = URL(fileURLWithPath: "/nonexistent/readiness.json")
        #expect(throws: ConfigError.notFound("/nonexistent/readiness.json")) {
            try ReadinessConfig.load(from: url, environment: [:])
        }
        #expect(ConfigError.notFound("r.json").description == "r.json: file not found. Create it (fixtures/mirador/readiness.json is an example) or set READINESS_CONFIG to its path.")
    }

    @Test func `errors expose the key path they are about`() {
        #expect(ConfigError.invalidValue("f", keyPath: "models[0]", problem: "p", fix: "x").keyPath == "models[0]")
        #expect(ConfigError.invalidJSON("f", reason: "r").keyPath == nil)
    }

    @Test(arguments: [("treshold", "thresholds"), ("modle", "models"), ("judge", "judge"), ("xyz", nil)] as [(String, String?)])
    func `key suggestions pick the nearest allowed key`(key: String, suggestion: String?) {
        #expect(KeySuggestion.closest(to: key, among: ["thresholds", "models", "judge", "gates"]) == suggestion)
    }
}
