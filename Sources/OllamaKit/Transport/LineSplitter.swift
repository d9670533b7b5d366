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
        var lines: [Data] = []
        var pending = remainder
        pending.append(chunk)
        var start = pending.startIndex
        pending.withUnsafeBytes { bytes in
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                let absolute = pending.startIndex + index
                if absolute > start { lines.append(pending[start..<absolute]) }
                start = absolute + 1
            }
        }
        remainder = Data(pending[start...])
        return lines
    }
}
