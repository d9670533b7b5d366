import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

/// `ollama.hosts`, the `hosts` of a model, and how `--ollama` (READINESS_OLLAMA_HOSTS) and OLLAMA_HOST replace them.
struct HostsConfigTests {
    static let models = #""models": [{"name": "a", "prompts": [{"prompt": "p", "expect": ["k"]}]}, {"name": "b", "hosts": ["10.0.0.2:11434"], "prompts": [{"prompt": "p", "expect": ["k"]}]}]"#
    static let two = #"{"ollama": {"hosts": ["http://10.0.0.1:11434", "http://10.0.0.2:11434"]}, "# + models + "}"

    static func load(_ text: String, environment: [String: String] = [:]) async throws -> ReadinessConfig {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try ReadinessConfig.load(from: try DomainFixtures.write(text, to: "readiness.json", in: folder), environment: environment)
        }
    }

    static func error(_ text: String, environment: [String: String] = [:]) async -> String {
        do {
            _ = try await load(text, environment: environment)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func `several hosts serve every model unless it names its own`() async throws {
        let config = try await Self.load(Self.two)
        #expect(config.ollama.hosts.map(\.absoluteString) == ["http://10.0.0.1:11434", "http://10.0.0.2:11434"])
        #expect(config.hasSeveralHosts)
        #expect(config.hosts(serving: config.models[0]).count == 2)
        #expect(config.hosts(serving: config.models[1]).map(\.absoluteString) == ["http://10.0.0.2:11434"])
    }

    @Test func `--ollama replaces the hosts by position, also in the models' own hosts, and OLLAMA_HOST is left alone`() async throws {
        let config = try await Self.load(Self.two, environment: [
            ReadinessConfig.hostsVariable: "127.0.0.1:5001, http://127.0.0.1:5002", "OLLAMA_HOST": "127.0.0.1:9",
        ])
        #expect(config.ollama.hosts.map(\.absoluteString) == ["http://127.0.0.1:5001", "http://127.0.0.1:5002"])
        #expect(config.hosts(serving: config.models[1]).map(\.absoluteString) == ["http://127.0.0.1:5002"])
        let ignored = try await Self.load(Self.two, environment: ["OLLAMA_HOST": "127.0.0.1:9"])
        #expect(ignored.ollama.hosts.map(\.absoluteString) == ["http://10.0.0.1:11434", "http://10.0.0.2:11434"])
    }

    @Test func `bad host lists are errors naming the key, the host and the fix`() async {
        #expect(await Self.error(#"{"ollama": {"host": "a:1", "hosts": ["b:1"]}, "# + Self.models + "}")
            .contains("ollama.hosts: both 'host' and 'hosts' are given. Keep 'hosts' for several Ollama servers, or 'host' for one."))
        #expect(await Self.error(#"{"ollama": {"hosts": ["http://10.0.0.1:11434", "10.0.0.1:11434"]}, "# + Self.models + "}")
            .contains("ollama.hosts[1]: 'http://10.0.0.1:11434' is already ollama.hosts[0]."))
        #expect(await Self.error(#"{"ollama": {"hosts": ["http://OLLAMA-A:11434", "http://ollama-a:11434"]}, "# + Self.models + "}")
            .contains("ollama.hosts[1]: 'http://ollama-a:11434' is already ollama.hosts[0]."))
        #expect(await Self.error(#"{"ollama": {"hosts": []}, "# + Self.models + "}").contains("ollama.hosts: expected a non-empty list of Ollama URLs"))
        let stranger = await Self.error(#"{"ollama": {"hosts": ["http://10.0.0.1:11434", "http://u:secret@10.0.0.3:11434"]}, "# + Self.models + "}")
        #expect(stranger.contains("models[1].hosts[0]: b names the host '10.0.0.2:11434', which is not one of ollama.hosts. Name hosts of ollama.hosts ('http://10.0.0.1:11434', 'http://***@10.0.0.3:11434')"))
        #expect(!stranger.contains("secret"))
    }

    @Test func `a host that serves no critical model is an error, since nothing would check it`() async throws {
        let idle = #"{"ollama": {"hosts": ["http://u:secret@10.0.0.1:11434", "http://10.0.0.2:11434"]}, "models": ["#
            + #"{"name": "a", "critical": false, "prompts": [{"prompt": "p", "expect": ["k"]}]}, "#
            + #"{"name": "b", "critical": true, "hosts": ["10.0.0.2:11434"], "prompts": [{"prompt": "p", "expect": ["k"]}]}]}"#
        let message = await Self.error(idle)
        #expect(message.contains("models: ollama.hosts[0] 'http://***@10.0.0.1:11434' serves no critical model, so no criterion would check it. "
            + "Name it in the 'hosts' of the critical models it serves, or remove it from ollama.hosts."))
        #expect(!message.contains("secret"))
        let checked = try await Self.load(idle.replacingOccurrences(of: #""critical": false"#, with: #""critical": true"#))
        #expect(checked.criticalModels.count == 2)
    }

    @Test func `as many --ollama as hosts, or an error saying so`() async {
        let message = await Self.error(Self.two, environment: [ReadinessConfig.hostsVariable: "127.0.0.1:5001"])
        #expect(message.contains("READINESS_OLLAMA_HOSTS: 1 host is given (one per --ollama) but readiness.json lists 2. Give one --ollama per entry of ollama.hosts, in its order"))
        let twice = await Self.error(Self.two, environment: [ReadinessConfig.hostsVariable: "127.0.0.1:5001,http://u:p@127.0.0.1:5001"])
        #expect(twice.contains("READINESS_OLLAMA_HOSTS: 'http://***@127.0.0.1:5001' is given twice. Give each host of ollama.hosts its own --ollama."))
        let cased = await Self.error(Self.two, environment: [ReadinessConfig.hostsVariable: "http://ollama-a:5001,http://Ollama-A:5001"])
        #expect(cased.contains("READINESS_OLLAMA_HOSTS: 'http://Ollama-A:5001' is given twice."))
        let bad = await Self.error(Self.two, environment: [ReadinessConfig.hostsVariable: "127.0.0.1:5001,ftp://x"])
        #expect(bad.contains("READINESS_OLLAMA_HOSTS: expected a comma-separated list of Ollama hosts"))
    }

    @Test func `a host that is not a URL is quoted without its credentials, from the file or the environment`() async {
        let file = await Self.error(#"{"ollama": {"hosts": ["http://u:secret@10.0.0.1:999999", "http://10.0.0.2:11434"]}, "# + Self.models + "}")
        #expect(file.contains("ollama.hosts[0]: expected an Ollama URL, found the string 'http://***@10.0.0.1:999999'"))
        let list = await Self.error(Self.two, environment: [ReadinessConfig.hostsVariable: "http://u:sec,ret@127.0.0.1:5001,127.0.0.1:5002"])
        #expect(list.contains("READINESS_OLLAMA_HOSTS: expected a comma-separated list of Ollama hosts, found the string 'http://***@127.0.0.1:5001,127.0.0.1:5002'"))
        let one = await Self.error(#"{"ollama": {"host": "http://10.0.0.1:11434"}, "# + Self.models.replacingOccurrences(of: #", "hosts": ["10.0.0.2:11434"]"#, with: "") + "}",
                                   environment: ["OLLAMA_HOST": "http://u:secret@10.0.0.1:999999"])
        #expect(one.contains("OLLAMA_HOST: expected an Ollama host such as '127.0.0.1:11434', found the string 'http://***@10.0.0.1:999999'"))
        for message in [file, list, one] { #expect(!message.contains("sec"), "\(message)") }
    }
}
