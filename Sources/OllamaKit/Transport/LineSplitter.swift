import Foundation

/// Cuts a byte stream that arrives in chunks into complete lines, keeping an unfinished last line for later.
///
/// Lines are returned as written (a "\r" before the newline stays); only empty lines are dropped. Readers that
/// want more leniency, like `NDJSONLineSplitter`, filter the lines it returns.
public struct LineSplitter: Sendable {
    /// Bytes after the last newline seen so far: a line still being written, or a truncated one at the end.
    public private(set) var remainder = Data()

    public init() {}

    /// Adds `chunk` and returns the lines it completed, without their newlines; blank lines are dropped.
    public mutating func append(_ chunk: Data) -> [Data] {
        let pending = remainder.isEmpty ? chunk : remainder + chunk
        var lines: [Data] = []
        let end = pending.withUnsafeBytes { bytes in
            Self.forEachLine(in: bytes) { lines.append(pending[pending.startIndex + $0.lowerBound..<pending.startIndex + $0.upperBound]) }
        }
        remainder = Data(pending[(pending.startIndex + end)...])
        return lines
    }

    /// Calls `body` with the range of each complete, non-empty line in `bytes`, without its newline, in order.
    /// For readers that would rather not copy the lines out of a buffer they already hold.
    /// - Returns: Where the bytes after the last newline start (`bytes.count` when it ends with one).
    package static func forEachLine(in bytes: UnsafeRawBufferPointer, _ body: (Range<Int>) throws -> Void) rethrows -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var start = 0
        while start < bytes.count, let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) {
            let end = base.distance(to: UnsafeRawPointer(newline))
            if end > start { try body(start..<end) }
            start = end + 1
        }
        return start
    }
}
