import OllamaKit
import StrictJSON

/// A type read strictly from a scenario file's JSON, with errors at the value's key path.
protocol ScenarioDecodable {
    init(scenario node: ScenarioNode) throws
}

extension String: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        guard case .string(let text) = node.value else { throw node.mismatch("a string") }
        self = text
    }
}

extension Bool: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        guard case .bool(let flag) = node.value else { throw node.mismatch("true or false") }
        self = flag
    }
}

extension Double: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        guard case .number(let number) = node.value else { throw node.mismatch("a number") }
        self = number.double
    }
}

extension ScenarioDecodable where Self: FixedWidthInteger {
    init(scenario node: ScenarioNode) throws {
        guard case .number(let number) = node.value, let integer = number.exactly(Self.self) else {
            throw node.mismatch("a whole number")
        }
        self = integer
    }
}

extension Int: ScenarioDecodable {}
extension Int64: ScenarioDecodable {}
extension UInt64: ScenarioDecodable {}

extension Optional: ScenarioDecodable where Wrapped: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        self = node.value == .null ? nil : try Wrapped(scenario: node)
    }
}

extension Array: ScenarioDecodable where Element: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        guard case .array(let elements) = node.value else { throw node.mismatch("a list") }
        self = try elements.enumerated().map { index, element in
            try Element(scenario: node.child(element.value, at: node.path.appending(index)))
        }
    }
}

extension Dictionary: ScenarioDecodable where Key == String, Value: ScenarioDecodable {
    init(scenario node: ScenarioNode) throws {
        guard case .object(let members) = node.value else { throw node.mismatch("an object") }
        self = try Dictionary(uniqueKeysWithValues: members.map { member in
            (member.key, try Value(scenario: node.child(member.value.value, at: node.path.appending(member.key))))
        })
    }
}

extension JSONValue: ScenarioDecodable {
    init(scenario node: ScenarioNode) {
        self.init(node.value)
    }

    /// Numbers written without a fraction or exponent (and within Int) become `.integer`, as in OllamaKit.
    private init(_ value: JSONNode.Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = Int(number.text).map(JSONValue.integer) ?? .double(number.double)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map { JSONValue($0.value) })
        case .object(let members): self = .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, JSONValue($0.value.value)) }))
        }
    }
}
