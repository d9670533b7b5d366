import Foundation

/// One value of a parsed JSON file together with its key path, so every complaint says where it is.
///
/// Wraps `JSONSerialization` output rather than using `Decodable` because a `Decoder` loses the
/// exact path and the found value that the error messages quote.
struct ConfigNode {
    let value: Any
    let path: String
    let file: String

    /// Parses `data` as JSON, turning Foundation's character offset into a line and column.
    static func parse(_ data: Data, file: String) throws -> ConfigNode {
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ConfigNode(value: value, path: "", file: file)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw ConfigError.invalidJSON(file, reason: Self.locate(reason, in: data))
        }
    }

    /// Rewrites "… around character N." as "… at line L, column C".
    private static func locate(_ reason: String, in data: Data) -> String {
        let trimmed = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        guard let range = trimmed.range(of: " around character "),
              let offset = Int(trimmed[range.upperBound...]), offset <= data.count
        else { return trimmed }
        let before = data.prefix(offset)
        let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = offset - (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        return "\(trimmed[..<range.lowerBound]) at line \(line), column \(column)"
    }

    func error(_ problem: String, fix: String) -> ConfigError {
        .invalidValue(file, keyPath: path, problem: problem, fix: fix)
    }

    func mismatch(_ expected: String, fix: String) -> ConfigError {
        error("expected \(expected), found \(found)", fix: fix)
    }

    var isNull: Bool { value is NSNull }

    /// The members of an object, after rejecting keys that are not in `allowed`.
    func object(allowed: [String], fix: String) throws -> [String: ConfigNode] {
        guard let dictionary = value as? [String: Any] else { throw mismatch("an object", fix: fix) }
        for key in dictionary.keys.sorted() where !allowed.contains(key) {
            let child = ConfigNode(value: dictionary[key]!, path: join(key), file: file)
            if let suggestion = KeySuggestion.closest(to: key, among: allowed) {
                throw child.error("unknown key '\(key)' (did you mean '\(suggestion)'?)", fix: "Rename it to '\(suggestion)' or remove it.")
            }
            throw child.error("unknown key '\(key)'", fix: "Remove it; the keys allowed here are \(allowed.joined(separator: ", ")).")
        }
        return dictionary.reduce(into: [:]) { members, entry in
            members[entry.key] = ConfigNode(value: entry.value, path: join(entry.key), file: file)
        }
    }

    /// The elements of an array.
    func array(_ expected: String, fix: String, allowEmpty: Bool = true) throws -> [ConfigNode] {
        guard let elements = value as? [Any], allowEmpty || !elements.isEmpty else { throw mismatch(expected, fix: fix) }
        return elements.enumerated().map { ConfigNode(value: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string(_ expected: String = "a string", fix: String, allowEmpty: Bool = false) throws -> String {
        guard let string = value as? String, allowEmpty || !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw mismatch(expected, fix: fix) }
        return string
    }

    func bool(fix: String) throws -> Bool {
        guard let number = value as? NSNumber, Self.isBoolean(number) else { throw mismatch("true or false", fix: fix) }
        return number.boolValue
    }

    func number(_ expected: String, fix: String) throws -> Double {
        guard let number = value as? NSNumber, !Self.isBoolean(number), number.doubleValue.isFinite
        else { throw mismatch(expected, fix: fix) }
        return number.doubleValue
    }

    func integer(_ expected: String, fix: String) throws -> Int {
        let double = try number(expected, fix: fix)
        guard double.rounded() == double, abs(double) < 1e15 else { throw mismatch(expected, fix: fix) }
        return Int(double)
    }

    /// How the value reads in an error message: "an empty list", "the string 'x'", "the number 3".
    var found: String {
        switch value {
        case is NSNull: return "null"
        case let string as String: return string.isEmpty ? "an empty string" : "the string '\(string)'"
        case let array as [Any]: return array.isEmpty ? "an empty list" : "a list"
        case let object as [String: Any]: return object.isEmpty ? "an empty object" : "an object"
        case let number as NSNumber:
            if Self.isBoolean(number) { return number.boolValue ? "true" : "false" }
            return "the number \(Self.format(number.doubleValue))"
        default: return "an unsupported value"
        }
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// JSONSerialization returns booleans as NSNumber; their Objective-C type is `char`.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}

/// Suggests the allowed key a misspelt one was probably meant to be.
enum KeySuggestion {
    /// The closest allowed key within an edit distance of a third of its length (at least 2), if any.
    static func closest(to key: String, among allowed: [String]) -> String? {
        let scored = allowed.map { ($0, distance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, best.0.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
