import Testing
@testable import OllamaKit

@Suite("Model names by Ollama's naming rules")
struct ModelNameTests {
    @Test(arguments: [
        ("louisville_expert_v3", "louisville_expert_v3:latest"),
        ("Mistral", "mistral:latest"),
        ("LLAMA3:8B", "llama3:8b"),
        ("library/llama3", "llama3"),
        ("registry.ollama.ai/library/llama3:latest", "llama3"),
        ("https://registry.ollama.ai/library/llama3", "llama3"),
        ("jmorgan/mixtral:q4", "registry.ollama.ai/JMorgan/Mixtral:Q4"),
    ])
    func `names that differ only by defaults or case are equal`(_ lhs: String, _ rhs: String) throws {
        #expect(try ModelName(lhs) == ModelName(rhs))
        #expect(try Set([ModelName(lhs), ModelName(rhs)]).count == 1)
        #expect(ModelName.matches(lhs, rhs))
    }

    @Test(arguments: [
        ("llama3", "llama3:8b"),
        ("user/llama3", "llama3"),
        ("example.com/library/llama3", "llama3"),
        ("llama3.1", "llama3"),
        ("enhanced_agent_fast_v6", "enhanced_agent_fast_v5"),
    ])
    func `names of different models are not equal`(_ lhs: String, _ rhs: String) throws {
        #expect(try ModelName(lhs) != ModelName(rhs))
        #expect(!ModelName.matches(lhs, rhs))
    }

    struct Parts: Sendable, CustomTestStringConvertible {
        let text: String, host: String, namespace: String, model: String, tag: String, shortest: String
        var testDescription: String { text }
    }

    @Test(arguments: [
        Parts(text: "llama3.2", host: "registry.ollama.ai", namespace: "library", model: "llama3.2", tag: "latest", shortest: "llama3.2:latest"),
        Parts(text: "mattw/pygmalion:7b", host: "registry.ollama.ai", namespace: "mattw", model: "pygmalion", tag: "7b", shortest: "mattw/pygmalion:7b"),
        Parts(text: "example.com:5000/team/model:v2", host: "example.com:5000", namespace: "team", model: "model", tag: "v2", shortest: "example.com:5000/team/model:v2"),
        Parts(text: "Registry.Ollama.AI/Library/Qwen2.5:0.5B", host: "Registry.Ollama.AI", namespace: "Library", model: "Qwen2.5", tag: "0.5B", shortest: "Qwen2.5:0.5B"),
    ])
    func `parses host, namespace, model and tag`(_ row: Parts) throws {
        let name = try ModelName(row.text)
        #expect([name.host, name.namespace, name.model, name.tag] == [row.host, row.namespace, row.model, row.tag])
        #expect(name.displayShortest == row.shortest)
        #expect(name.description == row.shortest)
    }

    @Test(arguments: [
        ("", "'' is not a valid Ollama model name: the model is empty."),
        (":latest", "':latest' is not a valid Ollama model name: the model is empty."),
        ("llama3:", "'llama3:' is not a valid Ollama model name: the tag is empty."),
        ("bad name", "'bad name' is not a valid Ollama model name: the model 'bad name' must start with a letter, digit or '_' and contain only letters, digits, '_', '-' and '.'."),
        ("my.team/model", "'my.team/model' is not a valid Ollama model name: the namespace 'my.team' must start with a letter, digit or '_' and contain only letters, digits, '_' and '-'."),
        ("-model", "'-model' is not a valid Ollama model name: the model '-model' must start with a letter, digit or '_' and contain only letters, digits, '_', '-' and '.'."),
        ("a/b/c/d", "'a/b/c/d' is not a valid Ollama model name: the host 'a/b' must start with a letter, digit or '_' and contain only letters, digits, '_', '-', '.' and ':'."),
    ])
    func `rejects invalid names, naming the part`(_ text: String, _ message: String) {
        let error = #expect(throws: OllamaError.self) { try ModelName(text) }
        #expect(error?.description == message)
    }

    @Test func `matching never treats two invalid names as the same`() {
        #expect(!ModelName.matches("bad name", "bad name"))
        #expect(!ModelName.matches("", ""))
    }
}
