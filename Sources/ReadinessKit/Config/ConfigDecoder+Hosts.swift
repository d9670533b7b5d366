import Foundation
import OllamaKit
import StrictJSON

/// The Ollama hosts of a readiness.json: `ollama.host` or `ollama.hosts`, the environment's overrides, and the
/// `hosts` each model names.
extension ConfigDecoder {
    /// The hosts as the file lists them, and the ones the run uses after the overrides, by position.
    struct HostChoice {
        var listed: [URL]
        var serving: [URL]
    }

    private static let hostFix = "Use http:// or https:// with a host and an optional port, e.g. 'http://127.0.0.1:11434'."

    /// `ollama.host` (one) or `ollama.hosts` (a list of distinct hosts), never both; the default is Ollama's own.
    func hosts(_ members: [String: ConfigNode]) throws -> [URL] {
        let single = optional(members, "host"), list = optional(members, "hosts")
        if let list, single != nil {
            throw list.error("both 'host' and 'hosts' are given", fix: "Keep 'hosts' for several Ollama servers, or 'host' for one.")
        }
        if let single { return [try hostURL(single)] }
        guard let list else { return [URL(string: "http://127.0.0.1:11434")!] }
        let fix = "List each Ollama server once, e.g. [\"http://10.0.0.1:11434\", \"http://10.0.0.2:11434\"]."
        var hosts: [URL] = []
        for element in try list.array("a non-empty list of Ollama URLs", fix: fix, allowEmpty: false) {
            let url = try hostURL(element)
            if let earlier = Self.position(of: url, in: hosts) {
                throw element.error("'\(OllamaHost.redacted(url.absoluteString))' is already ollama.hosts[\(earlier)]", fix: fix)
            }
            hosts.append(url)
        }
        return hosts
    }

    /// The hosts after the environment: READINESS_OLLAMA_HOSTS (what `--ollama` sets) replaces them by position
    /// and must name as many; OLLAMA_HOST replaces the host of a one-host config and is ignored by a config of
    /// several (it names one server, and `ollama-sim -- command` sets it for its own).
    func overriddenHosts(_ listed: [URL]) throws -> [URL] {
        let name = ReadinessConfig.hostsVariable
        if let value = environment[name], !value.isEmpty {
            let variable = ConfigNode(value: .string(value), path: JSONPath.root.appending(name), file: file).redactingHost
            let entries = value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let urls = entries.compactMap(Self.connectableURL)
            guard urls.count == entries.count else {
                throw variable.mismatch("a comma-separated list of Ollama hosts", fix: "Give each host as '127.0.0.1:11434' or 'http://host:port' (one --ollama per host).")
            }
            if let repeated = urls.indices.first(where: { Self.position(of: urls[$0], in: Array(urls[..<$0])) != nil }) {
                throw variable.error(
                    "'\(OllamaHost.redacted(urls[repeated].absoluteString))' is given twice", fix: "Give each host of ollama.hosts its own --ollama."
                )
            }
            guard urls.count == listed.count else {
                throw variable.error(
                    "\(urls.count) \(urls.count == 1 ? "host is" : "hosts are") given (one per --ollama) but readiness.json lists \(listed.count)",
                    fix: "Give one --ollama per entry of ollama.hosts, in its order (or none, to use the file's)."
                )
            }
            return urls
        }
        if listed.count == 1, let override = environment["OLLAMA_HOST"], !override.isEmpty {
            let variable = ConfigNode(value: .string(override), path: JSONPath.root.appending("OLLAMA_HOST"), file: file).redactingHost
            guard let url = Self.connectableURL(override) else {
                throw variable.mismatch("an Ollama host such as '127.0.0.1:11434'", fix: "Fix or unset the OLLAMA_HOST environment variable.")
            }
            return [url]
        }
        return listed
    }

    /// A model's `hosts`: each one of the file's hosts, given as the file gives it; the run's host at that position.
    func hosts(of model: String, _ node: ConfigNode, choice: HostChoice) throws -> [URL] {
        let known = choice.listed.map { "'\(OllamaHost.redacted($0.absoluteString))'" }.joined(separator: ", ")
        let fix = "Name hosts of ollama.hosts (\(known)), or remove 'hosts' to have every host serve \(model)."
        var positions: [Int] = []
        for element in try node.array("a non-empty list of hosts from ollama.hosts", fix: fix, allowEmpty: false) {
            let text = try element.string("a host from ollama.hosts", fix: fix)
            guard let url = Self.connectableURL(text), let position = choice.listed.firstIndex(of: url) else {
                throw element.error("\(model) names the host '\(OllamaHost.redacted(text))', which is not one of ollama.hosts", fix: fix)
            }
            guard !positions.contains(position) else {
                throw element.error("\(model) names the host '\(OllamaHost.redacted(text))' twice", fix: fix)
            }
            positions.append(position)
        }
        return positions.sorted().map { choice.serving[$0] }
    }

    /// Refuses a host of several that serves no critical model: criteria are checked per (critical model, host)
    /// pair, so nothing would ever ask it anything, not even whether it runs.
    func requireCriticalModel(onEvery choice: HostChoice, models: [ReadinessConfig.Model], node: ConfigNode) throws {
        let critical = models.filter(\.critical)
        guard choice.serving.count > 1, !critical.isEmpty else { return }
        for (position, host) in choice.serving.enumerated() where !critical.contains(where: { ($0.hosts ?? choice.serving).contains(host) }) {
            throw node.error(
                "ollama.hosts[\(position)] '\(OllamaHost.redacted(choice.listed[position].absoluteString))' serves no critical model, so no criterion would check it",
                fix: "Name it in the 'hosts' of the critical models it serves, or remove it from ollama.hosts."
            )
        }
    }

    /// Where `url` already is in `hosts`, comparing scheme, host (in any case, as DNS does), port and path only, so
    /// two entries that differ in credentials, query or the case of the host name count as the one server they are.
    private static func position(of url: URL, in hosts: [URL]) -> Int? {
        func server(_ url: URL) -> [String?] { [url.scheme, url.host?.lowercased(), url.port.map(String.init), url.path] }
        return hosts.firstIndex { server($0) == server(url) }
    }

    private func hostURL(_ node: ConfigNode) throws -> URL {
        guard let url = Self.connectableURL(try node.string("an Ollama URL", fix: Self.hostFix)) else {
            throw node.redactingHost.mismatch("an Ollama URL", fix: Self.hostFix)
        }
        return url
    }
}

extension ConfigNode {
    /// This node with its string shown as `OllamaHost.redacted` shows a host, for the errors that quote a host
    /// (or a comma-separated list of them) that may carry credentials: a host that is not a URL still holds its
    /// password, and the error ends up in every report.
    var redactingHost: ConfigNode {
        guard case .string(let text) = value else { return self }
        return ConfigNode(value: .string(OllamaHost.redacted(text)), path: path, file: file)
    }
}
