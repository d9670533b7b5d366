import OllamaKit

extension JSONValue {
    /// The value a decoder's coding path points at, or `nil` when the path leaves the tree.
    func value(at path: [any CodingKey]) -> JSONValue? {
        var current: JSONValue? = self
        for key in path {
            switch current {
            case .array(let array) where key.intValue.map(array.indices.contains) == true: current = array[key.intValue!]
            case .object(let object): current = object[key.stringValue]
            default: return nil
            }
        }
        return current
    }

    /// Go's word for the JSON kind of this value: "string", "number", "bool", "array", "object" or "null".
    var kindName: String {
        switch self {
        case .string: "string"
        case .integer, .double: "number"
        case .bool: "bool"
        case .array: "array"
        case .object: "object"
        case .null: "null"
        }
    }
}
