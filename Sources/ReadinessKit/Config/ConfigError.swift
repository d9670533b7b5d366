import Foundation

/// A readiness.json that cannot be used: it names the file, the key path, what is wrong and the fix.
package struct ConfigError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case notFound
        case unreadable(reason: String)
        case invalidJSON(reason: String)
        case invalidValue(keyPath: String, problem: String, fix: String)
    }

    private let code: Code
    /// The config file as the user named it.
    package let file: String

    private init(_ code: Code, file: String) {
        self.code = code
        self.file = file
    }

    /// The file does not exist.
    package static func notFound(_ file: String) -> ConfigError {
        ConfigError(.notFound, file: file)
    }

    /// The file exists but could not be read.
    package static func unreadable(_ file: String, reason: String) -> ConfigError {
        ConfigError(.unreadable(reason: reason), file: file)
    }

    /// The file is not strict JSON; `reason` gives the line and column, the problem and the fix.
    package static func invalidJSON(_ file: String, reason: String) -> ConfigError {
        ConfigError(.invalidJSON(reason: reason), file: file)
    }

    /// A value at `keyPath` (e.g. `models[3].prompts[0].expect`) is wrong.
    package static func invalidValue(_ file: String, keyPath: String, problem: String, fix: String) -> ConfigError {
        ConfigError(.invalidValue(keyPath: keyPath, problem: problem, fix: fix), file: file)
    }

    /// The key path of the offending value, or `nil` when the whole file is at fault.
    package var keyPath: String? {
        if case .invalidValue(let keyPath, _, _) = code { return keyPath }
        return nil
    }

    package var description: String {
        switch code {
        case .notFound:
            "\(file): file not found. Create it (fixtures/mirador/readiness.json is an example) or set READINESS_CONFIG to its path."
        case .unreadable(let reason):
            "\(file): could not be read (\(reason)). Check the file's permissions."
        case .invalidJSON(let reason):
            "\(file): \(reason)"
        case .invalidValue(let keyPath, let problem, let fix):
            "\(file): \(keyPath.isEmpty ? "top level" : keyPath): \(problem). \(fix)"
        }
    }
}
