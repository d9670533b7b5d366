import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `history.jsonl`: appended one whole line per write (O_APPEND), so concurrent writers never interleave and a
/// crash can at worst leave a truncated last line, which the reader skips and reports.
package enum HistoryLog {
    /// What `read` found.
    package struct Contents: Sendable, Equatable {
        package var entries: [HistoryEntry]
        /// One sentence per line that was skipped (truncated or not an entry).
        package var skipped: [String]
    }

    /// Appends `entry` as one line, creating the file and its folder if needed.
    /// - Throws: `FleetError.historyFailed` with the call and `strerror` text.
    package static func append(_ entry: HistoryEntry, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry) + Data("\n".utf8)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw FleetError.historyFailed("open \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        // After a crash mid-write the file ends inside a line: start a new one, or this entry would be lost in it.
        let size = lseek(descriptor, 0, SEEK_END)
        var last: UInt8 = 0
        if size > 0, pread(descriptor, &last, 1, size - 1) == 1, last != UInt8(ascii: "\n") {
            line.insert(UInt8(ascii: "\n"), at: 0)
        }
        var written = 0
        repeat {
            written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        guard written == line.count else {
            throw FleetError.historyFailed("write \(file.path): \(written < 0 ? String(cString: strerror(errno)) : "short write")")
        }
    }

    /// The entries of `file` in order; a missing file is an empty history.
    package static func read(_ file: URL) -> Contents {
        guard let data = FileManager.default.contents(atPath: file.path) else { return Contents(entries: [], skipped: []) }
        var contents = Contents(entries: [], skipped: [])
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if let entry = try? JSONDecoder().decode(HistoryEntry.self, from: Data(line)) {
                contents.entries.append(entry)
            } else {
                let last = index == lines.count - 1
                contents.skipped.append("line \(index + 1) of \(file.lastPathComponent) is \(last ? "truncated (an interrupted write)" : "not a history entry"); skipped")
            }
        }
        return contents
    }
}
