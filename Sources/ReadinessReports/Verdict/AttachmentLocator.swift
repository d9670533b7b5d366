import ReadinessKit
import Foundation

/// Finds an attachment file: by its name in the given folders (CI moves them), else at the path the stream recorded.
package struct AttachmentLocator: Sendable, Equatable {
    /// Folders searched in order for the attachment's file name; empty means "use the recorded path".
    package var directories: [URL]

    package init(directories: [URL] = []) {
        self.directories = directories
    }

    /// The file to read for an attachment the stream recorded at `recordedPath`.
    package func locate(_ recordedPath: String) -> URL {
        let recorded = URL(fileURLWithPath: recordedPath)
        let candidates = directories.map { $0.appendingPathComponent(recorded.lastPathComponent) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates.first ?? recorded
    }
}
