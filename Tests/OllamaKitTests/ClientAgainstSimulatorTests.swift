import Foundation
import OllamaKit
import OllamaSimulator
import Testing

@Suite("The client against ollama-sim, endpoint by endpoint")
struct ClientAgainstSimulatorTests {
    static let reply = "Louisville is the home of bourbon country."

    static let scenario = Scenario(models: [
        Scenario.Model(
            name: "louisville_expert_v3",
            modelfile: .init(from: "llama3.2:3b", system: "You are a Louisville expert.", parameters: ["temperature": 0.3]),
            behaviour: .init(replies: [.init(whenPromptContains: "bourbon", reply: reply)], tokensPerSecond: 400)),
        Scenario.Model(name: "llama3.2:3b"),
        Scenario.Model(name: "decision_simplifier_v2", installed: false, modelfile: .init(from: "llama3.2:3b")),
        Scenario.Model(name: "broken_v1", behaviour: .init(faults: [.init(kind: .error, status: 500, message: "llama runner process has terminated: exit status 2")])),
        Scenario.Model(name: "truncated_v1", behaviour: .init(faults: [.init(kind: .truncateStream, afterTokens: 2)])),
        Scenario.Model(name: "hanging_v1", behaviour: .init(faults: [.init(kind: .hang)])),
    ])

    private static let question = GenerateRequest(model: "louisville_expert_v3", prompt: "Tell me about bourbon.")

    private func withClient(_ body: (OllamaClient) async throws -> Void) async throws {
        try await withSimulator(Self.scenario) { url in
            try await body(OllamaClient(.init(baseURL: url, requestTimeout: .seconds(30))))
        }
    }

    @Test func `heartbeat and version answer`() async throws {
        try await withClient { client in
            try await client.heartbeat()
            #expect(try await client.version() == VersionResponse(version: Self.scenario.version))
        }
    }

    @Test func `tags lists the installed models under Ollama's names`() async throws {
        try await withClient { client in
            let models = try await client.listModels().models
            let names = Set(try models.map { try ModelName($0.name) })
            #expect(names.contains(try ModelName("louisville_expert_v3")))
            #expect(names.contains(try ModelName("llama3.2:3b")))
            #expect(!names.contains(try ModelName("decision_simplifier_v2")))
            let expert = try #require(models.first { ModelName.matches($0.name, "louisville_expert_v3") })
            #expect(expert.name == "louisville_expert_v3:latest")
            #expect(expert.details.parameterSize == "3.2B")
            #expect(expert.digest.count == 64)
        }
    }

    @Test func `show reports the Modelfile and a missing model is not found`() async throws {
        try await withClient { client in
            let show = try await client.show(ShowRequest(model: "louisville_expert_v3"))
            #expect(show.system == "You are a Louisville expert.")
            #expect(show.parameters?.contains("temperature") == true)
            #expect(show.details.family == "llama")
            let error = await #expect(throws: OllamaError.self) { try await client.show(ShowRequest(model: "decision_simplifier_v2")) }
            #expect(error?.isModelNotFound == true)
        }
    }

    @Test func `generate answers in one object and in a stream with the same text`() async throws {
        try await withClient { client in
            let whole = try await client.generate(Self.question)
            #expect(whole.response == Self.reply)
            #expect(whole.done)
            #expect((whole.metrics.evalCount ?? 0) > 0)

            var chunks: [GenerateResponse] = []
            for try await chunk in client.generateStream(Self.question) { chunks.append(chunk) }
            #expect(chunks.map(\.response).joined() == Self.reply)
            #expect(chunks.map(\.done) == Array(repeating: false, count: chunks.count - 1) + [true])
            #expect(chunks.last?.metrics.evalDuration != nil)

            let timed = try await client.timedGenerate(Self.question)
            #expect(timed.text == Self.reply)
            #expect(timed.timeToFirstToken != nil)
        }
    }

    @Test func `chat answers in one object and in a stream`() async throws {
        try await withClient { client in
            let request = ChatRequest(model: "louisville_expert_v3", messages: [.user("Any bourbon tips?")])
            let whole = try await client.chat(request)
            #expect(whole.message?.role == "assistant")
            #expect(whole.message?.content == Self.reply)
            var text = ""
            var finals = 0
            for try await chunk in client.chatStream(request) {
                text += chunk.message?.content ?? ""
                finals += chunk.done ? 1 : 0
            }
            #expect(text == Self.reply)
            #expect(finals == 1)
        }
    }

    @Test func `a created model is listed, shown and answers`() async throws {
        try await withClient { client in
            let request = CreateRequest(
                model: "decision_simplifier_v2", modelfile: "FROM llama3.2:3b\nSYSTEM Simplify decisions.",
                from: "llama3.2:3b", system: "Simplify decisions.")
            var statuses: [String] = []
            for try await progress in client.create(request) { statuses.append(progress.status) }
            #expect(statuses.last == "success")
            let names = try await client.listModels().models.map(\.name)
            #expect(names.contains { ModelName.matches($0, "decision_simplifier_v2") })
            #expect(try await client.show(ShowRequest(model: "decision_simplifier_v2")).system == "Simplify decisions.")
            let answer = try await client.generate(GenerateRequest(model: "decision_simplifier_v2", prompt: "Hi"))
            #expect(answer.done)
            #expect(!answer.response.isEmpty)
        }
    }

    @Test func `copy adds a name and delete removes it`() async throws {
        try await withClient { client in
            try await client.copy(source: "louisville_expert_v3", destination: "louisville_backup")
            #expect(try await client.listModels().models.contains { ModelName.matches($0.name, "louisville_backup") })
            try await client.delete("louisville_backup")
            #expect(try await !client.listModels().models.contains { ModelName.matches($0.name, "louisville_backup") })
            let error = await #expect(throws: OllamaError.self) { try await client.delete("louisville_backup") }
            #expect(error?.isModelNotFound == true)
            let copyError = await #expect(throws: OllamaError.self) { try await client.copy(source: "nope", destination: "x") }
            #expect(copyError?.isModelNotFound == true)
        }
    }

    @Test func `ps lists a model after it answered`() async throws {
        try await withClient { client in
            _ = try await client.generate(Self.question)
            let running = try await client.runningModels().models
            #expect(running.contains { ModelName.matches($0.name, "louisville_expert_v3") })
        }
    }

    @Test func `generating with a missing model is a missing model`() async throws {
        try await withClient { client in
            let error = await #expect(throws: OllamaError.self) {
                try await client.generate(GenerateRequest(model: "financial_planning_expert_v6", prompt: "Hi"))
            }
            #expect(error == .modelNotFound(model: "financial_planning_expert_v6", message: "model 'financial_planning_expert_v6' not found"))
        }
    }

    @Test func `the simulator's faults surface as typed errors`() async throws {
        try await withClient { client in
            let failed = await #expect(throws: OllamaError.self) {
                try await client.generate(GenerateRequest(model: "broken_v1", prompt: "Hi"))
            }
            #expect(failed?.httpStatus == 500)
            #expect(failed?.description.hasSuffix("llama runner process has terminated: exit status 2") == true)

            let truncated = await #expect(throws: OllamaError.self) {
                for try await _ in client.generateStream(GenerateRequest(model: "truncated_v1", prompt: "Hi")) {}
            }
            #expect(truncated?.isServiceFailure == true)

            let hung = await #expect(throws: OllamaError.self) {
                try await client.generate(GenerateRequest(model: "hanging_v1", prompt: "Hi"), timeout: .milliseconds(500))
            }
            #expect(hung?.isTimeout == true)
        }
    }

    @Test func `the healthy scenario serves the six critical Mirador models and each answers`() async throws {
        let healthy = try Scenario.load(
            from: Fixtures.directory.deletingLastPathComponent().appendingPathComponent("scenarios/healthy.json"))
        let critical = [
            "matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2",
            "financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6",
        ]
        try await withSimulator(healthy) { url in
            let client = OllamaClient(.init(baseURL: url, requestTimeout: .seconds(30)))
            let listed = try await client.listModels().models.map(\.name)
            for model in critical {
                #expect(listed.contains { ModelName.matches($0, model) }, "\(model) is not listed")
                let answer = try await client.generate(GenerateRequest(model: model, prompt: "Hello"))
                #expect(answer.done && !answer.response.isEmpty)
            }
        }
    }
}
