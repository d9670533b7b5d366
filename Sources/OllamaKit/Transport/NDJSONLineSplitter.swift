import Foundation

/// Cuts a byte stream into NDJSON lines as chunks arrive, whatever the chunk boundaries are.
///
/// Lines end at "\n" (a preceding "\r" is dropped); blank lines are skipped; `finish()` returns a last
/// line that had no newline, which Ollama never sends but a truncated stream may.
public struct NDJSONLineSplitter: Sendable {
    private var pending = Data()

    public init() {}

    /// Adds a chunk and returns the complete, non-blank lines it finished, without their newlines.
    public mutating func append(_ chunk: Data) -> [Data] {
        pending.append(chunk)
        var lines: [Data] = []
        var start = pending.startIndex
        while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
            if let line = Self.content(pending[start..<newline]) { lines.append(line) }
            start = pending.index(after: newline)
        }
        pending = Data(pending[start...])
        return lines
    }

    /// The bytes after the last newline, when they are not blank; call once the stream has ended.
    public mutating func finish() -> Data? {
        defer { pending = Data() }
        return Self.content(pending[...])
    }

    private static func content(_ line: Data.SubSequence) -> Data? {
        var line = line
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return blank ? nil : Data(line)
    }
}
