import Foundation
import Testing
@testable import OllamaKit

@Suite("Decoding Ollama's documented answers")
struct APIDecodingTests {
    @Test func `a non-streamed generate answer keeps its text, context and metrics`() throws {
        let answer = try Fixtures.decode(GenerateResponse.self, "generate.json")
        #expect(answer.model == "llama3.2")
        #expect(answer.createdAt == RFC3339.date(from: "2023-08-04T19:22:45.499127Z"))
        #expect(answer.response == "The sky is blue because it is the color of the sky.")
        #expect(answer.done)
        #expect(answer.doneReason == nil)
        #expect(answer.context == [1, 2, 3])
        #expect(answer.metrics == Metrics(
            totalDuration: 5_043_500_667, loadDuration: 5_025_959, promptEvalCount: 26,
            promptEvalDuration: 325_953_000, evalCount: 290, evalDuration: 4_709_213_000))
        let speed = try #require(answer.metrics.tokensPerSecond)
        #expect(abs(speed - 290 / 4.709213) < 1e-9)
    }

    @Test func `a load answer has no metrics because Ollama omits zero fields`() throws {
        let answer = try Fixtures.decode(GenerateResponse.self, "generate-load.json")
        #expect(answer.metrics == Metrics())
        #expect(answer.metrics.tokensPerSecond == nil)
        #expect(answer.context == nil)
    }

    @Test func `a generate stream transcript ends with one final chunk carrying the statistics`() throws {
        let chunks = try Fixtures.lines("generate-stream.ndjson").map { try JSONDecoder().decode(GenerateResponse.self, from: $0) }
        #expect(chunks.map(\.done) == [false, false, false, true])
        #expect(chunks.map(\.response).joined() == "The sky is blue.")
        #expect(chunks[0].createdAt == RFC3339.date(from: "2023-08-04T15:52:19.385406455Z"))
        #expect(chunks[3].metrics.evalCount == 259)
        #expect(chunks[3].metrics.loadDuration == 6_338_219_291)
    }

    @Test func `a chat answer holds the assistant message`() throws {
        let answer = try Fixtures.decode(ChatResponse.self, "chat.json")
        #expect(answer.message == Message(role: "assistant", content: "Hello! How are you today?"))
        #expect(answer.metrics.evalDuration == 4_799_921_000)
    }

    @Test func `a chat stream's first chunk has null images and its final chunk may lack a message`() throws {
        let chunks = try Fixtures.lines("chat-stream.ndjson").map { try JSONDecoder().decode(ChatResponse.self, from: $0) }
        #expect(chunks[0].message == Message(role: "assistant", content: "The", images: nil))
        #expect(!chunks[0].done)
        #expect(chunks[1].message == nil)
        #expect(chunks[1].done)
        #expect(chunks[1].metrics.promptEvalCount == 26)
    }

    @Test func `a tool call keeps its function name and JSON arguments`() throws {
        let answer = try Fixtures.decode(ChatResponse.self, "chat-tools.json")
        let call = try #require(answer.message?.toolCalls?.first)
        #expect(call.function.name == "get_current_weather")
        #expect(call.function.arguments == ["format": "celsius", "location": "Paris, FR"])
        #expect(answer.doneReason == "stop")
    }

    @Test func `show keeps details, parameters and exact model_info numbers`() throws {
        let show = try Fixtures.decode(ShowResponse.self, "show.json")
        #expect(show.details == ModelDetails(
            parentModel: "", format: "gguf", family: "llama", families: ["llama"], parameterSize: "8.0B",
            quantizationLevel: "Q4_0"))
        #expect(show.parameters?.hasPrefix("num_keep                       24\n") == true)
        #expect(show.modelfile?.contains("PARAMETER stop \"</s>\"") == true)
        #expect(show.modelInfo?["general.parameter_count"] == .integer(8_030_261_248))
        #expect(show.modelInfo?["llama.attention.layer_norm_rms_epsilon"] == .double(0.00001))
        #expect(show.modelInfo?["tokenizer.ggml.tokens"] == .array([]))
        #expect(show.modelInfo?["general.architecture"]?.stringValue == "llama")
        #expect(show.license == nil)
        #expect(show.modifiedAt == nil)
    }

    @Test func `tags lists models with sizes, digests and null families`() throws {
        let list = try Fixtures.decode(ListResponse.self, "tags.json")
        #expect(list.models.map(\.name) == ["codellama:13b", "llama3:latest"])
        // Older Ollama versions omit "model"; it then repeats the name.
        #expect(list.models.map(\.model) == ["codellama:13b", "llama3:latest"])
        #expect(list.models[0].size == 7_365_960_935)
        #expect(list.models[0].digest == "9f438cb9cd581fc025612d27f7c1a6669ff83a8bb0ed86c94fcf4c5440555697")
        #expect(list.models[0].details.families == nil)
        #expect(list.models[0].details.parameterSize == "13B")
        #expect(list.models[1].modifiedAt == RFC3339.date(from: "2023-12-07T17:32:18.757212583Z"))
    }

    @Test func `ps lists loaded models with their expiry and VRAM size`() throws {
        let running = try Fixtures.decode(ProcessResponse.self, "ps.json")
        let model = try #require(running.models.first)
        #expect(model.name == "mistral:latest")
        #expect(model.expiresAt == RFC3339.date(from: "2024-06-04T21:38:31.83753Z"))
        #expect(model.sizeVRAM == 5_137_025_024)
        #expect(model.details.parameterSize == "7.2B")
    }

    @Test func `version, error bodies and create progress decode`() throws {
        #expect(try Fixtures.decode(VersionResponse.self, "version.json") == VersionResponse(version: "0.5.1"))
        #expect(try Fixtures.decode(ErrorResponse.self, "error-model-not-found.json").error == "model 'llama3.2' not found")
        let statuses = try Fixtures.lines("create-progress.ndjson").map { try JSONDecoder().decode(ProgressResponse.self, from: $0) }
        #expect(statuses.count == 11)
        #expect(statuses.first?.status == "reading model metadata")
        #expect(statuses.map(\.isSuccess) == Array(repeating: false, count: 10) + [true])
    }

    @Test(arguments: [
        "generate.json", "generate-load.json", "chat.json", "chat-tools.json", "show.json", "tags.json", "ps.json",
        "version.json", "generate-stream.ndjson", "chat-stream.ndjson", "create-progress.ndjson",
    ])
    func `every fixture survives an encode and decode round trip`(name: String) throws {
        switch name {
        case "generate.json", "generate-load.json": try roundTrip(GenerateResponse.self, name)
        case "chat.json", "chat-tools.json": try roundTrip(ChatResponse.self, name)
        case "show.json": try roundTrip(ShowResponse.self, name)
        case "tags.json": try roundTrip(ListResponse.self, name)
        case "ps.json": try roundTrip(ProcessResponse.self, name)
        case "version.json": try roundTrip(VersionResponse.self, name)
        case "generate-stream.ndjson": try roundTripLines(GenerateResponse.self, name)
        case "chat-stream.ndjson": try roundTripLines(ChatResponse.self, name)
        default: try roundTripLines(ProgressResponse.self, name)
        }
    }

    private func roundTrip<Value: Codable & Equatable>(_ type: Value.Type, _ name: String) throws {
        let value = try Fixtures.decode(type, name)
        #expect(try JSONDecoder().decode(type, from: JSONEncoder().encode(value)) == value)
    }

    private func roundTripLines<Value: Codable & Equatable>(_ type: Value.Type, _ name: String) throws {
        for line in try Fixtures.lines(name) {
            let value = try JSONDecoder().decode(type, from: line)
            #expect(try JSONDecoder().decode(type, from: JSONEncoder().encode(value)) == value)
        }
    }
}
