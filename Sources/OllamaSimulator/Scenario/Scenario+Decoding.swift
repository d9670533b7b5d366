import OllamaKit
import StrictJSON

// Strict decoding from the StrictJSON tree: unknown keys and out-of-range values are errors at their key path.
// The CodingKeys that encoding uses are also the keys each object allows.

extension Scenario: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        version = try object.value(.version, default: "0.12.6", must: "must be a version such as \"0.12.6\"") {
            !$0.isEmpty && $0.split(separator: ".").allSatisfy { Int($0) != nil }
        }
        numParallel = try object.value(.numParallel, default: 1, must: "must be at least 1") { $0 >= 1 }
        maxLoadedModels = try object.value(.maxLoadedModels, default: nil as Int?, must: "must be at least 1") { ($0 ?? 1) >= 1 }
        seed = try object.value(.seed, default: 0)
        models = try object.required(.models)
        var seen: [ModelName: Int] = [:]
        for (index, model) in models.enumerated() {
            let name = try ModelName(model.name)
            if let first = seen[name] {
                let path = node.path.appending(CodingKeys.models.stringValue).appending(index).appending(Model.CodingKeys.name.stringValue)
                throw ScenarioError.invalid(
                    node.source, path: path.description, problem: "'\(model.name)' is the same model as models[\(first)].name; give each model one entry")
            }
            seen[name] = index
        }
    }
}

extension Scenario.Model: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        name = try object.required(.name)
        do {
            _ = try ModelName(name)
        } catch let error as OllamaError {
            throw object.invalid(.name, "'\(name)' is not a valid Ollama model name: \(error)")
        }
        installed = try object.value(.installed, default: true)
        family = try object.value(.family, default: "llama")
        parameterSize = try object.value(.parameterSize, default: "3.2B")
        quantizationLevel = try object.value(.quantizationLevel, default: "Q4_K_M")
        sizeBytes = try object.value(.sizeBytes, default: 2_019_393_189, must: "must not be negative") { $0 >= 0 }
        digest = try object.value(.digest, default: nil as String?, must: "must be 64 lowercase hex digits") { digest in
            digest.map { $0.count == 64 && $0.allSatisfy { "0123456789abcdef".contains($0) } } ?? true
        }
        modelfile = try object.value(.modelfile, default: Scenario.ModelfileFields())
        behaviour = try object.value(.behaviour, default: Scenario.Behaviour())
    }
}

extension Scenario.ModelfileFields: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        from = try object.value(.from, default: nil as String?, must: "must be a valid Ollama model name") { from in
            from.map { (try? ModelName($0)) != nil } ?? true
        }
        system = try object.value(.system, default: nil)
        template = try object.value(.template, default: nil)
        license = try object.value(.license, default: nil)
        parameters = try object.value(.parameters, default: [:], must: "values must be numbers, strings, booleans or arrays of them") {
            $0.values.allSatisfy(Self.isParameterValue)
        }
    }

    private static func isParameterValue(_ value: JSONValue) -> Bool {
        switch value {
        case .bool, .integer, .double, .string: true
        case .array(let items): items.allSatisfy { if case .array = $0 { false } else { isParameterValue($0) } }
        case .null, .object: false
        }
    }
}

extension Scenario.Behaviour: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        let defaults = Scenario.Behaviour()
        replies = try object.value(.replies, default: [])
        defaultReply = try object.value(.defaultReply, default: defaults.defaultReply, must: "must not be empty") { !$0.isEmpty }
        latency = try object.value(.latency, default: .fixed(0))
        tokensPerSecond = try object.value(.tokensPerSecond, default: nil as Double?, must: "must be more than 0") { ($0 ?? 1) > 0 }
        loadDuration = try object.value(.loadDuration, default: 0, must: "must not be negative") { $0 >= 0 }
        faults = try object.value(.faults, default: [])
    }
}

extension Scenario.ReplyRule: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        whenPromptContains = try object.required(.whenPromptContains)
        guard !whenPromptContains.isEmpty else { throw object.invalid(.whenPromptContains, "must not be empty") }
        reply = try object.required(.reply)
        guard !reply.isEmpty else { throw object.invalid(.reply, "must not be empty") }
    }
}

extension Scenario.Latency: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        switch node.value {
        case .number(let number):
            guard number.double >= 0 else { throw node.invalid("must not be negative") }
            self = .fixed(number.double)
        case .object:
            let object = try node.object(CodingKeys.self)
            let min: Double = try object.required(.min)
            guard min >= 0 else { throw object.invalid(.min, "must not be negative") }
            let max: Double = try object.required(.max)
            guard max >= min else { throw object.invalid(.max, "must be at least min (\(min))") }
            self = .range(min: min, max: max)
        default:
            throw node.mismatch(#"seconds or {"min": seconds, "max": seconds}"#)
        }
    }
}

extension Scenario.Fault: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        let name: String = try object.required(.kind)
        guard let kind = Kind(rawValue: name) else {
            throw object.invalid(.kind, "'\(name)' is not a fault kind; use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.kind = kind
        rate = try object.value(.rate, default: 1, must: "must be between 0 and 1") { (0...1).contains($0) }
        for (key, owner) in [(CodingKeys.status, Kind.error), (.message, .error), (.afterTokens, .truncateStream)]
        where object.contains(key) && kind != owner {
            throw object.invalid(key, "only applies to kind \"\(owner.rawValue)\"")
        }
        status = try object.value(.status, default: 500, must: "must be an HTTP error status (400...599)") { (400...599).contains($0) }
        message = try object.value(.message, default: Self.defaultMessage, must: "must not be empty") { !$0.isEmpty }
        afterTokens = try object.value(.afterTokens, default: nil as Int?, must: "must not be negative") { ($0 ?? 0) >= 0 }
    }
}
