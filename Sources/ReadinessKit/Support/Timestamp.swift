import Foundation

/// The times this package writes and reads (reports, backups, migration state, history, locks): ISO 8601 in UTC.
package enum Timestamp {
    /// "2026-11-25T10:13:20Z".
    package static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// "2026-11-25T08:27:59.538Z": an instant of a run, to the millisecond.
    package static func iso8601WithMilliseconds(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// Parses either form, with or without fractional seconds.
    package static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// "2026-11-25T10-13-20Z": a backup folder's name, sortable and without the ":" some file systems refuse.
    package static func folderName(_ date: Date) -> String {
        iso8601(date).replacingOccurrences(of: ":", with: "-")
    }
}
