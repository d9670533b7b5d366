import Foundation
import OllamaKit

extension Scenario {
    /// Reads and validates a scenario file.
    /// - Throws: `ScenarioError` naming the file, the key path and what is wrong.
    public static func load(from url: URL) throws -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw ScenarioError.unreadable(url.path, reason: FileManager.default.fileExists(atPath: url.path) ? reason : "no such file")
        }
        return try decode(data, source: url.path)
    }

    /// Parses and validates scenario JSON.
    /// - Parameter source: How errors name the input, usually the file path.
    /// - Throws: `ScenarioError` naming `source`, the key path and what is wrong.
    public static func decode(_ data: Data, source: String) throws -> Scenario {
        let bytes = Array(data)
        do {
            let end = try GoJSONSyntax.scanFirstValue(bytes)
            if let extra = bytes[end...].firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                throw GoJSONSyntax.Failure(message: "unexpected content after the top-level object", offset: extra)
            }
        } catch let failure as GoJSONSyntax.Failure {
            let line = bytes.prefix(failure.offset).filter { $0 == 0x0A }.count + 1
            throw ScenarioError.notJSON(source, problem: failure.message, line: line)
        }
        do {
            return try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            let tree = try? JSONDecoder().decode(JSONValue.self, from: data)
            throw Self.explain(error, in: tree, source: source)
        }
    }

    private static func explain(_ error: DecodingError, in tree: JSONValue?, source: String) -> ScenarioError {
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(source, path: keyPath(context.codingPath + [key]), problem: "missing; this key is required")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let found = tree?.value(at: context.codingPath).map(describe) ?? "nothing"
            return .invalid(source, path: keyPath(context.codingPath), problem: "expected \(describe(type)), found \(found)")
        case .dataCorrupted(let context):
            return .invalid(source, path: keyPath(context.codingPath), problem: context.debugDescription)
        @unknown default:
            return .invalid(source, path: "", problem: "\(error)")
        }
    }

    /// "models[2].behaviour.latency.min" for a coding path.
    static func keyPath(_ path: [any CodingKey]) -> String {
        path.reduce(into: "") { text, key in
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is String?.Type: "a string"
        case is Bool.Type, is Bool?.Type: "true or false"
        case is Int.Type, is Int64.Type, is UInt64.Type, is Int?.Type, is Int64?.Type, is UInt64?.Type: "a whole number"
        case is Double.Type, is Double?.Type: "a number"
        case is Latency.Type: "seconds or {\"min\": seconds, \"max\": seconds}"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): "the string \"\(text)\""
        case .integer(let number): "the number \(number)"
        case .double(let number): "the number \(number)"
        case .bool(let flag): "\(flag)"
        case .array: "an array"
        case .object: "an object"
        case .null: "null"
        }
    }
}
