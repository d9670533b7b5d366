import Foundation
import OllamaKit
import ReadinessKit
import TestFixtures
import Testing
@testable import FleetKit

/// A parsed Modelfile as the structured `/api/create` request `ollama create -f` sends.
struct ModelfileRequestTests {
    struct Supported: Sendable, CustomTestStringConvertible {
        var lines: String
        var expected: CreateRequest
        var testDescription: String { lines.replacingOccurrences(of: "\n", with: " · ") }
    }

    static let base = "FROM llama3.2:3b\n"

    @Test(arguments: [
        Supported(lines: "", expected: CreateRequest(model: "m", from: "llama3.2:3b")),
        Supported(lines: "FROM registry.example.com/team/base:1b", expected: CreateRequest(model: "m", from: "registry.example.com/team/base:1b")),
        Supported(lines: #"SYSTEM """You are helpful.""""#, expected: CreateRequest(model: "m", from: "llama3.2:3b", system: "You are helpful.")),
        Supported(lines: "SYSTEM first\nSYSTEM second", expected: CreateRequest(model: "m", from: "llama3.2:3b", system: "second")),
        Supported(lines: #"TEMPLATE "{{ .Prompt }}""#, expected: CreateRequest(model: "m", from: "llama3.2:3b", template: "{{ .Prompt }}")),
        Supported(
            lines: "PARAMETER temperature 0.3\nPARAMETER num_ctx 4096\nPARAMETER use_mmap false\nPARAMETER stop <|eot_id|>\nPARAMETER stop user:",
            expected: CreateRequest(model: "m", from: "llama3.2:3b", parameters: [
                "temperature": .double(0.3), "num_ctx": .integer(4096), "use_mmap": .bool(false),
                "stop": .array(["<|eot_id|>", "user:"]),
            ])),
        Supported(lines: "PARAMETER mirostat 1", expected: CreateRequest(model: "m", from: "llama3.2:3b")),
        Supported(
            lines: "MESSAGE user Is it sunny?\nMESSAGE assistant Yes.",
            expected: CreateRequest(model: "m", from: "llama3.2:3b", messages: [.user("Is it sunny?"), .assistant("Yes.")])),
        Supported(
            lines: "LICENSE MIT\nLICENSE \"\"\"Second\nlicense\"\"\"",
            expected: CreateRequest(model: "m", from: "llama3.2:3b", license: .array(["MIT", "Second\nlicense"]))),
    ])
    func `supported instructions become request fields`(_ row: Supported) throws {
        let modelfile = try Modelfile.parse(Self.base + row.lines)
        #expect(try modelfile.createRequest(model: "m") == row.expected)
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var line: String
        var error: FleetError
        var testDescription: String { line }
    }

    static let upload = "Build this model with 'ollama create m -f <Modelfile>' (build_critical_models.sh does), which uploads it."
    static let noField = "Build this model with 'ollama create m -f <Modelfile>' (build_critical_models.sh does), or remove the"

    @Test(arguments: [
        Refused(line: "ADAPTER ./lora.gguf", error: .unsupportedInstruction(
            "ADAPTER ./lora.gguf", reason: "'./lora.gguf' is a LoRA adapter, which must first be uploaded as a blob", fix: upload)),
        Refused(line: "DRAFT ./draft.gguf", error: .unsupportedInstruction(
            "DRAFT ./draft.gguf", reason: "'./draft.gguf' is a draft model's weights, which must first be uploaded as a blob", fix: upload)),
        Refused(line: "FROM ./weights.gguf", error: .unsupportedInstruction(
            "FROM ./weights.gguf", reason: "'./weights.gguf' is local weights, which must first be uploaded as a blob", fix: upload)),
        Refused(line: "FROM /models/llama", error: .unsupportedInstruction(
            "FROM /models/llama", reason: "'/models/llama' is local weights, which must first be uploaded as a blob", fix: upload)),
        Refused(line: "FROM model.safetensors", error: .unsupportedInstruction(
            "FROM model.safetensors", reason: "'model.safetensors' is local weights, which must first be uploaded as a blob", fix: upload)),
        Refused(line: "REQUIRES 0.14.0", error: .unsupportedInstruction(
            "REQUIRES 0.14.0", reason: "OllamaKit's CreateRequest has no 'requires' field", fix: noField + " REQUIRES line.")),
        Refused(line: "RENDERER qwen3", error: .unsupportedInstruction(
            "RENDERER qwen3", reason: "OllamaKit's CreateRequest has no 'renderer' field", fix: noField + " RENDERER line.")),
        Refused(line: "PARSER qwen3", error: .unsupportedInstruction(
            "PARSER qwen3", reason: "OllamaKit's CreateRequest has no 'parser' field", fix: noField + " PARSER line.")),
        Refused(line: "PARAMETER creativity 11", error: .invalidParameter("creativity", value: "11", reason: "Ollama has no parameter of that name")),
        Refused(line: "PARAMETER num_ctx 4k", error: .invalidParameter("num_ctx", value: "4k", reason: "it takes a whole number")),
        Refused(line: "PARAMETER temperature warm", error: .invalidParameter("temperature", value: "warm", reason: "it takes a number")),
        Refused(line: "PARAMETER use_mmap maybe", error: .invalidParameter("use_mmap", value: "maybe", reason: "it takes true or false")),
    ])
    func `instructions the JSON API cannot carry are refused, naming the instruction and the fix`(_ row: Refused) throws {
        let modelfile = try Modelfile.parse(Self.base + row.line)
        #expect(throws: row.error) { try modelfile.createRequest(model: "m") }
    }

    @Test func `the refusal reads as one sentence with the fix`() throws {
        let modelfile = try Modelfile.parse(Self.base + "ADAPTER ./lora.gguf")
        let error = #expect(throws: FleetError.self) { try modelfile.createRequest(model: "m") }
        #expect(error?.description == "ADAPTER ./lora.gguf cannot be sent through the JSON create API: './lora.gguf' is a LoRA "
            + "adapter, which must first be uploaded as a blob. " + Self.upload)
    }

    @Test func `a FROM naming a file beside the Modelfile is local weights, as ollama create decides`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try DomainFixtures.write("weights", to: "base", in: folder)
            let modelfile = try Modelfile.parse("FROM base\n")
            #expect(throws: FleetError.self) { try modelfile.createRequest(model: "m", relativeTo: folder) }
            #expect(try modelfile.createRequest(model: "m", relativeTo: folder.appendingPathComponent("elsewhere")).from == "base")
        }
    }
}
