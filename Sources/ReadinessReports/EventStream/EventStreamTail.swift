import ReadinessKit
import Foundation
import OllamaKit

/// Follows an event stream file while `swift test` is still writing it, handing over each line once it is complete.
/// Package-only: the runner's progress display is its one user.
package struct EventStreamTail: Sendable {
    /// The file being followed.
    package let url: URL
    private var offset: UInt64 = 0
    private var splitter = LineSplitter()

    package init(url: URL) {
        self.url = url
    }

    /// The bytes after the last complete line: an unfinished line, once the writer has stopped.
    package var remainder: Data { splitter.remainder }

    /// The complete lines appended since the last poll; none while the file does not exist yet.
    package mutating func poll() -> [Data] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: offset)) != nil, let chunk = try? handle.readToEnd(), !chunk.isEmpty else {
            return []
        }
        offset += UInt64(chunk.count)
        return splitter.append(chunk)
    }
}
