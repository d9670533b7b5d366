import Foundation

/// Cuts a byte stream into NDJSON lines as chunks arrive, whatever the chunk boundaries are.
///
/// Lines end at "\n" (a preceding "\r" is dropped); blank lines are skipped; `finish()` returns a last
/// line that had no newline, which Ollama never sends but a truncated stream may.
public struct NDJSONLineSplitter: Sendable {
    private var lines = LineSplitter()

    public init() {}

    /// The bytes of the line still being written (after the last newline).
    public var pendingByteCount: Int { lines.remainder.count }

    /// Adds a chunk and returns the complete, non-blank lines it finished, without their newlines.
    public mutating func append(_ chunk: Data) -> [Data] {
        lines.append(chunk).compactMap(Self.content)
    }

    /// The bytes after the last newline, when they are not blank; call once the stream has ended.
    public mutating func finish() -> Data? {
        defer { lines = LineSplitter() }
        return Self.content(lines.remainder)
    }

    private static func content(_ line: Data) -> Data? {
        var line = line[...]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return blank ? nil : Data(line)
    }
}
