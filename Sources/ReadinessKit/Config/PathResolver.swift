import Foundation

/// Turns a path written in a config or the environment into an absolute file URL.
enum PathResolver {
    /// Expands a leading `~` with HOME and resolves relative paths against `base`.
    static func resolve(_ path: String, against base: URL, environment: [String: String]) -> URL {
        if path == "~" || path.hasPrefix("~/") {
            return URL(fileURLWithPath: home(environment) + path.dropFirst(), isDirectory: false).standardizedFileURL
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return base.appendingPathComponent(path).standardizedFileURL
    }

    /// The user's home folder: HOME if set, else the account's.
    static func home(_ environment: [String: String]) -> String {
        environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    }
}
