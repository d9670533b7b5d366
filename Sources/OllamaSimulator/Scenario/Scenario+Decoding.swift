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
        registry = try object.value(.registry, default: [])
        try Self.rejectInstalledFlags(in: object)
        // One entry per model across both lists: a registry model is one that is not installed yet.
        var seen: [ModelName: String] = [:]
        for (key, list) in [(CodingKeys.models, models), (.registry, registry)] {
            for (index, model) in list.enumerated() {
                let name = try ModelName(model.name)
                if let first = seen[name] {
                    let path = node.path.appending(key.stringValue).appending(index).appending(Model.CodingKeys.name.stringValue)
                    throw ScenarioError.invalid(
                        node.source, path: path.description,
                        problem: "'\(model.name)' is the same model as \(first).name; give each model one entry")
                }
                seen[name] = "\(key.stringValue)[\(index)]"
            }
        }
    }

    /// A registry model is by definition not installed, so an `installed` key there is a mistake.
    private static func rejectInstalledFlags(in object: ScenarioObject<CodingKeys>) throws {
        guard let registry = object.members[CodingKeys.registry.stringValue], case .array(let entries) = registry.value else { return }
        let key = Model.CodingKeys.installed.stringValue
        for (index, entry) in entries.enumerated() {
            guard case .object(let members) = entry.value, members.contains(where: { $0.key == key }) else { continue }
            throw ScenarioError.invalid(
                object.node.source, path: registry.path.appending(index).appending(key).description,
                problem: "does not apply to a registry model; /api/pull installs it")
        }
    }
}

// Bounds that keep every wait and every nanosecond count the simulator derives from a scenario representable:
// an unbounded number would trap converting to a deadline or an Int64.
extension Scenario {
    /// The longest latency or load time, in seconds (a day).
    static let maximumDuration = 86_400.0
    /// A token at least every 1,000 seconds, well inside `maximumDuration`.
    static let minimumTokensPerSecond = 0.001
    /// Beyond this, streaming is instantaneous anyway.
    static let maximumTokensPerSecond = 1e9
    static let tokensPerSecondRule = "must be from 0.001 to 1000000000"
    static let durationRule = "must be from 0 to \(Int(maximumDuration)) seconds"

    static func isDuration(_ seconds: Double) -> Bool {
        (0...maximumDuration).contains(seconds)
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
        tokensPerSecond = try object.value(
            .tokensPerSecond, default: nil as Double?, must: Scenario.tokensPerSecondRule
        ) { $0.map { (Scenario.minimumTokensPerSecond...Scenario.maximumTokensPerSecond).contains($0) } ?? true }
        loadDuration = try object.value(.loadDuration, default: 0, must: Scenario.durationRule, Scenario.isDuration)
        faults = try object.value(.faults, default: [])
        degradation = try object.value(.degradation, default: nil)
    }
}

extension Scenario.Degradation: ScenarioDecodable {
    /// The largest slowdown: with it, the longest latency and token interval stay representable waits.
    static let maximumFactor = 1000.0

    init(scenario node: ScenarioNode) throws {
        let object = try node.object(CodingKeys.self)
        afterRequests = try object.required(.afterRequests)
        guard afterRequests >= 0 else { throw object.invalid(.afterRequests, "must not be negative") }
        latencyFactor = try object.required(.latencyFactor)
        guard latencyFactor > 1, latencyFactor <= Self.maximumFactor else {
            throw object.invalid(.latencyFactor, "must be more than 1 and at most \(Int(Self.maximumFactor)) (2 makes the model twice as slow)")
        }
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
            guard Scenario.isDuration(number.double) else { throw node.invalid(Scenario.durationRule) }
            self = .fixed(number.double)
        case .object:
            let object = try node.object(CodingKeys.self)
            let min: Double = try object.required(.min)
            guard Scenario.isDuration(min) else { throw object.invalid(.min, Scenario.durationRule) }
            let max: Double = try object.required(.max)
            guard Scenario.isDuration(max) else { throw object.invalid(.max, Scenario.durationRule) }
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
