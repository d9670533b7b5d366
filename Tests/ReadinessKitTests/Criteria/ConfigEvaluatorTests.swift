import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

struct ConfigEvaluatorTests {
    static let expected = """
        FROM llama3.2:3b
        SYSTEM \"\"\"You are a careful financial planner.\"\"\"
        PARAMETER temperature 0.3
        PARAMETER num_ctx 4096
        PARAMETER stop "<|eot_id|>"
        """

    func model(_ modelfile: URL?) -> ReadinessConfig.Model {
        .init(name: "planner", critical: true, modelfile: modelfile, prompts: [.init(prompt: "p", expect: ["k"])])
    }

    @Test func `a deployed model shown with the same settings matches its Modelfile`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = try DomainFixtures.write(Self.expected, to: "planner.Modelfile", in: folder)
            // Ollama shows the base as a blob path, numbers re-formatted, and inherited settings besides.
            let deployed = ConfigEvaluator.Deployed(
                modelfile: """
                    FROM /root/.ollama/models/blobs/sha256-abc
                    TEMPLATE "{{ .Prompt }}"
                    SYSTEM You are a careful financial planner.
                    PARAMETER num_ctx 4096.0
                    PARAMETER temperature 0.30
                    PARAMETER stop <|eot_id|>
                    PARAMETER top_k 40
                    """,
                parameters: nil, system: nil
            )
            let result = ConfigEvaluator.evaluate(model(file), deployed: deployed)
            #expect(result.passed, "\(result.message)")
            #expect(result.id == "configs" && result.model == "planner" && result.severity == .critical)
            #expect(result.measured == 0)
        }
    }

    @Test func `drift names every differing key with both values`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = try DomainFixtures.write(Self.expected, to: "planner.Modelfile", in: folder)
            let deployed = ConfigEvaluator.Deployed(
                modelfile: "FROM llama3.1:8b\nPARAMETER temperature 0.7\nPARAMETER stop <|eot_id|>\n",
                parameters: nil, system: "You are a careless planner."
            )
            let result = ConfigEvaluator.evaluate(model(file), deployed: deployed)
            #expect(!result.passed)
            #expect(result.measured == 4)
            #expect(result.message.hasPrefix("planner differs from \(file.path) in FROM, SYSTEM, num_ctx, temperature: "))
            #expect(result.message.contains("FROM: expected 'llama3.2:3b', deployed 'llama3.1:8b'"))
            #expect(result.message.contains("SYSTEM: expected 'You are a careful financial planner.', deployed 'You are a careless planner.'"))
            #expect(result.message.contains("num_ctx: expected '4096', deployed not set"))
            #expect(result.message.contains("temperature: expected '0.3', deployed '0.7'"))
            #expect(result.actions == ["Rebuild it from its configuration: ollama create planner -f \(file.path)"])
        }
    }

    @Test func `the parameters and system fields stand in when the modelfile is missing`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = try DomainFixtures.write(Self.expected, to: "planner.Modelfile", in: folder)
            let deployed = ConfigEvaluator.Deployed(
                modelfile: nil,
                parameters: "num_ctx                        4096\nstop                           \"<|eot_id|>\"\ntemperature                    0.5",
                system: "You are a careful financial planner."
            )
            let result = ConfigEvaluator.evaluate(model(file), deployed: deployed)
            #expect(!result.passed)
            #expect(result.message.contains(" in temperature: temperature: expected '0.3', deployed '0.5'"))
        }
    }

    @Test func `a missing, unparsable or undeployed configuration fails with its fix`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("absent.Modelfile")
            let result = ConfigEvaluator.evaluate(model(missing), deployed: nil)
            #expect(result.message == "planner's configuration \(missing.path) does not exist or cannot be read")

            let broken = try DomainFixtures.write("PARAMETER temperature 0.3\nFRM x\n", to: "broken.Modelfile", in: folder)
            let unparsed = ConfigEvaluator.evaluate(model(broken), deployed: nil)
            #expect(unparsed.message == "planner's configuration \(broken.path) does not parse: line 2: unknown instruction 'FRM'. Use one of FROM, PARAMETER, TEMPLATE, SYSTEM, ADAPTER, LICENSE, MESSAGE, DRAFT, RENDERER, PARSER, REQUIRES.")

            let file = try DomainFixtures.write(Self.expected, to: "planner.Modelfile", in: folder)
            let undeployed = ConfigEvaluator.evaluate(model(file), deployed: nil)
            #expect(undeployed.message == "planner is not deployed, so \(file.path) cannot be compared with it (build it: ollama create planner -f \(file.path))")

            let none = ConfigEvaluator.evaluate(model(nil), deployed: nil)
            #expect(none.message == "planner has no optimized configuration: readiness.json gives it no modelfile")
            #expect([result, unparsed, undeployed, none].allSatisfy { !$0.passed && !$0.actions.isEmpty })
        }
    }
}
