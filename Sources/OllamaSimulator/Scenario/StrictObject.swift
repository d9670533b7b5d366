/// A coding key for any name or array index, used to report unknown keys and array positions.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

/// A JSON object read strictly: a key it does not know is an error naming the key and the allowed ones.
struct StrictObject<Key: CodingKey & CaseIterable> {
    /// The object's values.
    let container: KeyedDecodingContainer<Key>

    /// - Throws: `DecodingError.dataCorrupted` at the first unknown key (in name order).
    init(_ decoder: any Decoder) throws {
        let anyKeys = try decoder.container(keyedBy: AnyCodingKey.self)
        let known = Key.allCases.map(\.stringValue)
        if let unknown = anyKeys.allKeys.filter({ !known.contains($0.stringValue) }).min(by: { $0.stringValue < $1.stringValue }) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: anyKeys.codingPath + [unknown],
                debugDescription: "unknown key; the keys allowed here are \(known.joined(separator: ", "))"))
        }
        container = try decoder.container(keyedBy: Key.self)
    }

    /// An error at `key` saying what is wrong with its value.
    func invalid(_ key: Key, _ problem: String) -> DecodingError {
        DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: problem)
    }

    /// The value at `key`, or `fallback` when the key is absent.
    func value<Value: Decodable>(_ key: Key, default fallback: Value) throws -> Value {
        try container.decodeIfPresent(Value.self, forKey: key) ?? fallback
    }

    /// The value at `key`, which must satisfy `isValid`, else the error says `requirement`.
    func value<Value: Decodable>(_ key: Key, default fallback: Value, must requirement: String, _ isValid: (Value) -> Bool) throws -> Value {
        let value = try value(key, default: fallback)
        guard isValid(value) else { throw invalid(key, requirement) }
        return value
    }
}
