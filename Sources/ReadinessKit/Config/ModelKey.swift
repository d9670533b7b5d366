/// An Ollama model name reduced to its identity, so "Foo" and "registry.ollama.ai/library/foo:latest" compare equal.
///
/// Follows Ollama's naming rules: a missing tag is "latest", a missing namespace is "library", a missing
/// host is "registry.ollama.ai", a digest suffix (`@sha256:…`) is ignored, and comparison is case-insensitive.
public struct ModelKey: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified, lowercased name, e.g. "registry.ollama.ai/library/foo:latest".
    public let description: String

    public init(_ name: String) {
        var rest = Substring(name.lowercased())
        if let at = rest.firstIndex(of: "@") { rest = rest[..<at] }
        var tag = "latest"
        // A colon before the last slash is a host's port, not a tag.
        if let colon = rest.lastIndex(of: ":"), rest[colon...].firstIndex(of: "/") == nil {
            if colon < rest.index(before: rest.endIndex) { tag = String(rest[rest.index(after: colon)...]) }
            rest = rest[..<colon]
        }
        var parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 { parts.insert("library", at: 0) }
        if parts.count == 2 { parts.insert("registry.ollama.ai", at: 0) }
        description = parts.joined(separator: "/") + ":" + tag
    }
}
