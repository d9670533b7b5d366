import Foundation
import Testing
@testable import OllamaKit

@Suite("Encoding requests and answers as Ollama does")
struct APIEncodingTests {
    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func `a generate request uses snake_case keys and omits what is unset`() throws {
        let request = GenerateRequest(
            model: "louisville_expert_v3", prompt: "Hi", stream: false, format: "json",
            keepAlive: .duration("5m"), options: ["temperature": 0.2, "num_predict": 64, "stop": ["\n"]])
        #expect(try json(request) == #"{"format":"json","keep_alive":"5m","model":"louisville_expert_v3","#
            + #""options":{"num_predict":64,"stop":["\n"],"temperature":0.2},"prompt":"Hi","stream":false}"#)
    }

    @Test func `a chat request encodes its messages and numeric keep_alive`() throws {
        let request = ChatRequest(model: "m", messages: [.system("Be brief."), .user("Hi")], keepAlive: .unloadNow)
        #expect(try json(request) == #"{"keep_alive":0,"messages":[{"content":"Be brief.","role":"system"},"#
            + #"{"content":"Hi","role":"user"}],"model":"m"}"#)
    }

    @Test func `metrics sit at the top level and are omitted when absent`() throws {
        let date = try #require(RFC3339.date(from: "2024-01-02T03:04:05.5Z"))
        let chunk = GenerateResponse(model: "m", createdAt: date, response: "Hi", done: false)
        #expect(try json(chunk) == #"{"created_at":"2024-01-02T03:04:05.5Z","done":false,"model":"m","response":"Hi"}"#)
        let final = GenerateResponse(
            model: "m", createdAt: date, response: "", done: true, doneReason: "stop",
            metrics: Metrics(totalDuration: 10, evalCount: 2, evalDuration: 5))
        #expect(try json(final) == #"{"created_at":"2024-01-02T03:04:05.5Z","done":true,"done_reason":"stop","#
            + #""eval_count":2,"eval_duration":5,"model":"m","response":"","total_duration":10}"#)
    }

    @Test func `model details always carry every key, with null families like Go's nil slice`() throws {
        #expect(try json(ModelDetails(format: "gguf")) == #"{"families":null,"family":"","format":"gguf","#
            + #""parameter_size":"","parent_model":"","quantization_level":""}"#)
    }

    @Test func `requests decode like Go: missing names are empty, roles are lowercased`() throws {
        let decoder = JSONDecoder()
        #expect(try decoder.decode(GenerateRequest.self, from: Data("{}".utf8)).model == "")
        let chat = try decoder.decode(ChatRequest.self, from: Data(#"{"model":"m","messages":[{"role":"USER","content":"x"}]}"#.utf8))
        #expect(chat.messages == [.user("x")])
        #expect(try decoder.decode(ChatRequest.self, from: Data(#"{"model":"m"}"#.utf8)).messages == [])
        #expect(try decoder.decode(CopyRequest.self, from: Data("{}".utf8)) == CopyRequest(source: "", destination: ""))
        #expect(try decoder.decode(DeleteRequest.self, from: Data(#"{"name":"old"}"#.utf8)).model == "old")
        #expect(try decoder.decode(KeepAlive.self, from: Data("1.9".utf8)) == .seconds(1))
    }

    @Test func `a create request carries both the Modelfile and the newer structured fields`() throws {
        let request = CreateRequest(
            model: "mario", modelfile: "FROM llama3\nSYSTEM You are mario.", from: "llama3", system: "You are mario.",
            parameters: ["temperature": 0.5])
        #expect(try json(request) == #"{"from":"llama3","model":"mario","modelfile":"FROM llama3\nSYSTEM You are mario.","#
            + #""parameters":{"temperature":0.5},"system":"You are mario."}"#)
        #expect(try JSONDecoder().decode(CreateRequest.self, from: JSONEncoder().encode(request)) == request)
    }
}
