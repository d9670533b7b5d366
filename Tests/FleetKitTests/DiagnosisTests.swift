import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import TestFixtures
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct DiagnosisTests {
    @Test func `on phase1 exactly the three missing Mirador models are named, in build order`() async throws {
        try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
            let diagnosis = try await FleetDiagnosis.diagnose(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(diagnosis.buildOrder == FleetFixtures.phase1Missing)
            #expect(diagnosis.missing.map(\.name) == FleetFixtures.phase1Missing)
            #expect(diagnosis.needsAction)
            #expect(diagnosis.drifted.isEmpty)
            for model in diagnosis.missing {
                #expect(model.status == .missing)
                #expect(model.base == Base(reference: "llama3.2:3b", isInstalled: true))
            }
            let present = try #require(diagnosis.models.first { $0.name == "louisville_expert_v3" })
            let installed = try #require(present.installed)
            #expect(present.status == .present)
            #expect(installed.name == "louisville_expert_v3:latest")
            #expect(installed.digest.count == 64)
            #expect((installed.family, installed.quantizationLevel, installed.parameterSize) == ("llama", "Q4_K_M", "3.2B"))
            #expect(installed.size == 2_019_393_189)
            #expect(installed.system?.hasPrefix("You are an expert on Louisville") == true)
        }
    }

    @Test func `on the healthy fleet nothing needs action`() async throws {
        try await withSimulator(try FleetFixtures.scenario("healthy")) { url in
            let diagnosis = try await FleetDiagnosis.diagnose(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(!diagnosis.needsAction)
            #expect(diagnosis.buildOrder.isEmpty)
            #expect(diagnosis.models.map(\.status) == Array(repeating: .present, count: 6))
        }
    }

    @Test func `a deployed parameter that differs from the Modelfile is drift, with both values`() async throws {
        let scenario = try FleetFixtures.scenario("phase1", changing: "louisville_expert_v3") {
            $0.modelfile.parameters["temperature"] = 0.7
        }
        try await withSimulator(scenario) { url in
            let diagnosis = try await FleetDiagnosis.diagnose(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(diagnosis.drifted.map(\.name) == ["louisville_expert_v3"])
            #expect(diagnosis.drifted.first?.drift == [Drift(key: "temperature", expected: "0.3", deployed: "0.7")])
            #expect(diagnosis.drifted.first?.status == .drifted)
        }
    }

    @Test func `a fleet model built FROM another missing fleet model comes after it, whatever its priority`() async throws {
        let scenario = Scenario(models: [Scenario.Model(name: "llama3.2:3b")])
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(scenario) { url in
                let config = try FleetFixtures.fleet([
                    .init(name: "child_v1", from: "base_v1", priority: 1),
                    .init(name: "other_v1", from: "llama3.2:3b", priority: 3),
                    .init(name: "base_v1", from: "llama3.2:3b", priority: 2),
                ], in: folder, host: url)
                let diagnosis = try await FleetDiagnosis.diagnose(config, client: FleetFixtures.client(url))
                #expect(diagnosis.buildOrder == ["base_v1", "child_v1", "other_v1"])
                let child = try #require(diagnosis.models.first { $0.name == "child_v1" })
                #expect(child.base == Base(reference: "base_v1", isFleetModel: true))
            }
        }
    }

    @Test func `Modelfiles that build FROM each other are refused, naming the cycle`() async throws {
        let scenario = Scenario(models: [Scenario.Model(name: "llama3.2:3b")])
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(scenario) { url in
                let config = try FleetFixtures.fleet([
                    .init(name: "a_v1", from: "b_v1:latest", priority: 1),
                    .init(name: "b_v1", from: "a_v1", priority: 2),
                ], in: folder, host: url)
                let error = await #expect(throws: FleetError.self) {
                    try await FleetDiagnosis.diagnose(config, client: FleetFixtures.client(url))
                }
                #expect(error == .dependencyCycle(["a_v1", "b_v1", "a_v1"]))
                #expect(error?.description.hasPrefix("The fleet's Modelfiles build FROM each other in a cycle: a_v1 → b_v1 → a_v1.") == true)
            }
        }
    }

    @Test func `a Modelfile that does not parse is the model's problem, not a crash of the diagnosis`() async throws {
        let scenario = Scenario(models: [Scenario.Model(name: "llama3.2:3b")])
        try await DomainFixtures.withTemporaryDirectory { folder in
            try await withSimulator(scenario) { url in
                let config = try FleetFixtures.fleet([
                    .init(name: "broken_v1", from: "llama3.2:3b", priority: 1, extraLines: ["BOGUS line"]),
                ], in: folder, host: url)
                let diagnosis = try await FleetDiagnosis.diagnose(config, client: FleetFixtures.client(url))
                let problem = try #require(diagnosis.models.first?.problem)
                #expect(problem.hasSuffix("broken_v1.Modelfile is not a valid Modelfile: line 3: unknown instruction 'BOGUS'. "
                    + "Use one of FROM, PARAMETER, TEMPLATE, SYSTEM, ADAPTER, LICENSE, MESSAGE, DRAFT, RENDERER, PARSER, REQUIRES."))
                #expect(diagnosis.needsAction)
            }
        }
    }

    struct OrderCase: Sendable, CustomTestStringConvertible {
        var label: String
        /// name, FROM, build priority, present
        var models: [(String, String, Int?, Bool)]
        var order: [String]
        var testDescription: String { label }
    }

    @Test(arguments: [
        OrderCase(label: "priority, then name", models: [("b", "x", nil, false), ("c", "x", 2, false), ("a", "x", nil, false), ("d", "x", 1, false)],
                  order: ["d", "c", "a", "b"]),
        OrderCase(label: "a present base does not hold its child back", models: [("child", "base", 1, false), ("base", "x", 2, true)],
                  order: ["child"]),
        OrderCase(label: "a chain is built from its root", models: [("c", "b", 1, false), ("b", "a", 1, false), ("a", "x", 3, false)],
                  order: ["a", "b", "c"]),
        OrderCase(label: "a base named with its tag is still the fleet model", models: [("c", "b:latest", 1, false), ("b", "x", 2, false)],
                  order: ["b", "c"]),
    ])
    func `build order`(_ row: OrderCase) throws {
        let models = row.models.map { name, from, priority, present in
            ModelDiagnosis(
                name: name, buildPriority: priority,
                installed: present ? InstalledModel(name: name, digest: "d", size: 1, modifiedAt: Date(timeIntervalSince1970: 0)) : nil,
                base: Base(reference: from))
        }
        #expect(try FleetDiagnosis(host: "h", models: models).buildOrder == row.order)
    }

    @Test func `a model built FROM itself is a cycle too`() {
        #expect(throws: FleetError.dependencyCycle(["a", "a"])) {
            try FleetDiagnosis(host: "h", models: [ModelDiagnosis(name: "a", base: Base(reference: "a:latest"))])
        }
    }
}
