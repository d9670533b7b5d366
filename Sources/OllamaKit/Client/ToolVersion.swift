import BuildRevision

/// The version of this package's tools (`readiness`, `ollama-sim`), printed by `--version` and written into reports.
package enum ToolVersion {
    /// The release: the one place the version is written; a release is the git tag of this value.
    package static let release = "0.2.0"
    /// The source revision the build was made from (`make install` records it), or `nil`.
    package static let revision: String? = {
        let text = String(cString: readiness_build_revision())
        return text.isEmpty ? nil : text
    }()
    /// The release with the revision as build metadata when known, e.g. `0.2.0+1a2b3c4d5e6f`: reports record it,
    /// so `merge` tells shards of two builds apart.
    package static let current = revision.map { "\(release)+\($0)" } ?? release
}
