import Foundation

extension ReadinessConfig {
    /// SHA-256 of the config file's bytes, as hex; `nil` when the file cannot be read. Recorded in report.json
    /// so a gate can tell a report of this config from one of another (or of an older version of this one).
    package static func fingerprint(of file: URL) -> String? {
        FileManager.default.contents(atPath: file.path).map(SHA256.hex)
    }
}
