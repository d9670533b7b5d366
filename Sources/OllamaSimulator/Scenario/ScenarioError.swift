/// Why a scenario file could not be used; the description names the file, the key path and the problem.
package struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case unreadable(file: String, reason: String)
        case notJSON(file: String, reason: String)
        case invalid(file: String, path: String, problem: String)
    }

    private let code: Code

    /// The file cannot be read.
    package static func unreadable(_ file: String, reason: String) -> ScenarioError {
        ScenarioError(code: .unreadable(file: file, reason: reason))
    }

    /// The file is not strict JSON; `reason` gives the line and column, the problem and the fix.
    package static func notJSON(_ file: String, reason: String) -> ScenarioError {
        ScenarioError(code: .notJSON(file: file, reason: reason))
    }

    /// The value at `path` (e.g. "models[2].behaviour.latency.min") is wrong; "" is the whole file.
    package static func invalid(_ file: String, path: String, problem: String) -> ScenarioError {
        ScenarioError(code: .invalid(file: file, path: path, problem: problem))
    }

    package var description: String {
        switch code {
        case .unreadable(let file, let reason):
            "\(file): cannot read the scenario file (\(reason)). Check the path."
        case .notJSON(let file, let reason):
            "\(file): \(reason)"
        case .invalid(let file, let path, let problem):
            path.isEmpty ? "\(file): \(problem)" : "\(file): \(path): \(problem)"
        }
    }
}
