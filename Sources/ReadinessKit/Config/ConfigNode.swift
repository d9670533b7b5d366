import Foundation
import StrictJSON

/// One value of a readiness.json together with its key path, so every complaint says where it is.
///
/// Walks the strict parser's tree rather than using `Decodable` because a `Decoder` loses the
/// exact path and the found value that the error messages quote.
struct ConfigNode {
    let value: JSONNode.Value
    let path: JSONPath
    let file: String

    /// Parses `data` as strict JSON (no duplicate keys, trailing commas, comments, ...).
    /// - Throws: `ConfigError.invalidJSON` with the line, column and fix.
    static func parse(_ data: Data, file: String) throws -> ConfigNode {
        do {
            return ConfigNode(value: try JSONParser.parse(Array(data)).value, path: .root, file: file)
        } catch {
            throw ConfigError.invalidJSON(file, reason: error.description)
        }
    }

    func error(_ problem: String, fix: String) -> ConfigError {
        .invalidValue(file, keyPath: path.description, problem: problem, fix: fix)
    }

    func mismatch(_ expected: String, fix: String) -> ConfigError {
        error("expected \(expected), found \(value.summary)", fix: fix)
    }

    var isNull: Bool { value == .null }

    /// The members of an object, after rejecting the first key (in the file) that is not in `allowed`.
    func object(allowed: [String], fix: String) throws -> [String: ConfigNode] {
        guard case .object(let members) = value else { throw mismatch("an object", fix: fix) }
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            let child = self.child(unknown)
            if let suggestion = KeySuggestion.closest(to: unknown.key, among: allowed) {
                throw child.error("unknown key '\(unknown.key)' (did you mean '\(suggestion)'?)", fix: "Rename it to '\(suggestion)' or remove it.")
            }
            throw child.error("unknown key '\(unknown.key)'", fix: "Remove it; the keys allowed here are \(allowed.joined(separator: ", ")).")
        }
        // The parser refuses duplicate keys, so no member is lost here.
        return Dictionary(uniqueKeysWithValues: members.map { ($0.key, child($0)) })
    }

    /// The members of an object in the order the file lists them, whatever their keys.
    func members(_ expected: String, fix: String) throws -> [(key: String, node: ConfigNode)] {
        guard case .object(let members) = value, !members.isEmpty else { throw mismatch(expected, fix: fix) }
        return members.map { ($0.key, child($0)) }
    }

    /// The elements of an array.
    func array(_ expected: String, fix: String, allowEmpty: Bool = true) throws -> [ConfigNode] {
        guard case .array(let elements) = value, allowEmpty || !elements.isEmpty else { throw mismatch(expected, fix: fix) }
        return elements.enumerated().map { ConfigNode(value: $1.value, path: path.appending($0), file: file) }
    }

    func string(_ expected: String = "a string", fix: String, allowEmpty: Bool = false) throws -> String {
        guard case .string(let string) = value, allowEmpty || !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw mismatch(expected, fix: fix) }
        return string
    }

    func bool(fix: String) throws -> Bool {
        guard case .bool(let flag) = value else { throw mismatch("true or false", fix: fix) }
        return flag
    }

    func number(_ expected: String, fix: String) throws -> Double {
        guard case .number(let number) = value else { throw mismatch(expected, fix: fix) }
        return number.double
    }

    func integer(_ expected: String, fix: String) throws -> Int {
        guard case .number(let number) = value, let integer = number.exactly(Int.self) else { throw mismatch(expected, fix: fix) }
        return integer
    }

    private func child(_ member: JSONMember) -> ConfigNode {
        ConfigNode(value: member.value.value, path: path.appending(member.key), file: file)
    }
}
