/// The version of this package's tools (`readiness`, `ollama-sim`), printed by `--version` and written into reports.
package enum ToolVersion {
    package static let current = "0.2.0"
}
