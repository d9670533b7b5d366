/// One value of a parsed JSON document and where it starts, so consumers can point at it.
package struct JSONNode: Hashable, Sendable {
    /// The kinds of JSON value.
    package enum Value: Hashable, Sendable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, as written.
        case number(JSONNumber)
        /// A string, escapes resolved.
        case string(String)
        /// An array's elements in order.
        case array([JSONNode])
        /// An object's members in document order; keys are unique.
        case object([JSONMember])
    }

    /// What the value is.
    package let value: Value
    /// Where the value starts.
    package let position: SourcePosition

    package init(_ value: Value, at position: SourcePosition) {
        self.value = value
        self.position = position
    }

    /// The member named `key` when this is an object that has one.
    package func member(_ key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }
}

/// One `"key": value` pair of an object.
package struct JSONMember: Hashable, Sendable {
    /// The key, escapes resolved.
    package let key: String
    /// Where the key's opening quote is.
    package let keyPosition: SourcePosition
    /// The value.
    package let value: JSONNode

    package init(key: String, keyPosition: SourcePosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension JSONNode.Value {
    /// How the value reads after "found" in an error message: "the string 'x'", "the number 1.5", "an empty list".
    package var summary: String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): "the number \(number.text)"
        case .string(let text): text.isEmpty ? "an empty string" : "the string '\(text)'"
        case .array(let elements): elements.isEmpty ? "an empty list" : "a list"
        case .object(let members): members.isEmpty ? "an empty object" : "an object"
        }
    }
}
