extension OllamaHost {
    /// `text`, a URL or an `OLLAMA_HOST` value, fit to print: "user:password@" becomes "***@", each query
    /// value becomes "***" (names stay, so a reader sees which parameter was set), the fragment goes.
    ///
    /// This is the one redaction of hosts: every message, report and console line that shows a host uses it.
    /// It works on text rather than `URL` so that a value too broken to parse is redacted too.
    /// - Parameter text: A URL or host as configured; text without secrets comes back unchanged.
    /// - Returns: The text with its credentials replaced.
    public static func redacted(_ text: String) -> String {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let authorityStart = rest.range(of: "://")?.upperBound ?? rest.startIndex
        // The last "@" before the query: a password may hold an unencoded "@" or "/", and must not leak in part.
        if let at = rest[authorityStart...].lastIndex(of: "@") {
            rest = rest[..<authorityStart] + "***" + rest[at...]
        }
        guard let query else { return String(rest) }
        let items = query.split(separator: "&", omittingEmptySubsequences: false).map { item in
            item.firstIndex(of: "=").map { item[..<$0] + "=***" } ?? (item.isEmpty ? "" : "***")
        }
        return rest + "?" + items.joined(separator: "&")
    }

    /// This host as `redacted(_:)` prints it; the same as `description`.
    public var redacted: String { description }
}
