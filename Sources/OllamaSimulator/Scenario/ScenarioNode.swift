import StrictJSON

/// One value of a scenario file with its key path, so every complaint names where it is.
struct ScenarioNode {
    let value: JSONNode.Value
    let path: JSONPath
    /// How errors name the file.
    let source: String

    /// An error at this value saying what is wrong with it.
    func invalid(_ problem: String) -> ScenarioError {
        .invalid(source, path: path.description, problem: problem)
    }

    /// An error saying what belongs here and what the file has instead.
    func mismatch(_ expected: String) -> ScenarioError {
        invalid("expected \(expected), found \(value.summary)")
    }

    /// The value at `path` below this one, for errors about it.
    func child(_ value: JSONNode.Value, at path: JSONPath) -> ScenarioNode {
        ScenarioNode(value: value, path: path, source: source)
    }

    /// This value as an object whose keys must all be `Key`s.
    /// - Throws: `ScenarioError` when it is not an object, or at its first unknown key (in file order).
    func object<Key: CodingKey & CaseIterable>(_ keys: Key.Type) throws -> ScenarioObject<Key> {
        guard case .object(let members) = value else { throw mismatch("an object") }
        let known = Key.allCases.map(\.stringValue)
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw child(unknown.value.value, at: path.appending(unknown.key))
                .invalid("unknown key; the keys allowed here are \(known.joined(separator: ", "))")
        }
        // The parser refuses duplicate keys, so no member is lost here.
        return ScenarioObject(node: self, members: Dictionary(uniqueKeysWithValues: members.map {
            ($0.key, child($0.value.value, at: path.appending($0.key)))
        }))
    }
}

/// A scenario object whose keys have been checked; values are read by key with their defaults and rules.
struct ScenarioObject<Key: CodingKey & CaseIterable> {
    let node: ScenarioNode
    let members: [String: ScenarioNode]

    /// Whether the object has `key`.
    func contains(_ key: Key) -> Bool {
        members[key.stringValue] != nil
    }

    /// An error at `key` saying what is wrong with its value.
    func invalid(_ key: Key, _ problem: String) -> ScenarioError {
        .invalid(node.source, path: node.path.appending(key.stringValue).description, problem: problem)
    }

    /// The value at `key`, which must be present.
    func required<Value: ScenarioDecodable>(_ key: Key) throws -> Value {
        guard let member = members[key.stringValue] else { throw invalid(key, "missing; this key is required") }
        return try Value(scenario: member)
    }

    /// The value at `key`, or `fallback` when the key is absent or null.
    func value<Value: ScenarioDecodable>(_ key: Key, default fallback: Value) throws -> Value {
        guard let member = members[key.stringValue], member.value != .null else { return fallback }
        return try Value(scenario: member)
    }

    /// The value at `key` (or `fallback`), which must satisfy `isValid`, else the error says `requirement`.
    func value<Value: ScenarioDecodable>(_ key: Key, default fallback: Value, must requirement: String, _ isValid: (Value) -> Bool) throws -> Value {
        let value = try value(key, default: fallback)
        guard isValid(value) else { throw invalid(key, requirement) }
        return value
    }
}
