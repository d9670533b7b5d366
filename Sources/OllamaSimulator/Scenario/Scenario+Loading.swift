import Foundation
import StrictJSON

extension Scenario {
    /// Reads and validates a scenario file.
    /// - Throws: `ScenarioError` naming the file, the key path and what is wrong.
    package static func load(from url: URL) throws -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw ScenarioError.unreadable(url.path, reason: FileManager.default.fileExists(atPath: url.path) ? reason : "no such file")
        }
        return try decode(data, source: url.path)
    }

    /// Parses strict JSON (no duplicate keys, trailing commas, comments, ...) and validates it as a scenario.
    /// - Parameter source: How errors name the input, usually the file path.
    /// - Throws: `ScenarioError` naming `source` and the line and column, or the key path, of what is wrong.
    package static func decode(_ data: Data, source: String) throws -> Scenario {
        let root: JSONNode
        do {
            root = try JSONParser.parse(Array(data))
        } catch {
            throw ScenarioError.notJSON(source, reason: error.description)
        }
        return try Scenario(scenario: ScenarioNode(value: root.value, path: .root, source: source))
    }
}
