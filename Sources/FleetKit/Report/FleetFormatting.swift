import Foundation

/// How the fleet's renderers write digests, sizes, dates and table cells, so every table reads the same.
enum FleetFormatting {
    /// The first 12 hex digits, as `ollama list` shows a digest (a "sha256:" prefix dropped).
    static func shortDigest(_ digest: String) -> String {
        String((digest.hasPrefix("sha256:") ? digest.dropFirst(7) : Substring(digest)).prefix(12))
    }

    /// Decimal units as `ollama list` prints them: "2.0 GB", "274 MB", "12 KB", "512 B".
    static func size(_ bytes: Int64) -> String {
        let value = Double(bytes)
        switch value {
        case 1e9...: return String(format: "%.1f GB", value / 1e9)
        case 1e6...: return String(format: "%.0f MB", value / 1e6)
        case 1e3...: return String(format: "%.0f KB", value / 1e3)
        default: return "\(bytes) B"
        }
    }

    /// "2025-01-02 03:04 UTC": minutes are enough to tell builds apart, and UTC keeps reports identical everywhere.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    /// Text safe in a Markdown table cell: no pipes breaking columns, no line breaks breaking rows, no raw HTML;
    /// "—" for nothing.
    static func cell(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}
