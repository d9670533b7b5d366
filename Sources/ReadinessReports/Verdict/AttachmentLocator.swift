import ReadinessKit
import Foundation

/// Finds an attachment file: by its name in the given folders (CI moves them), else at the path the stream recorded.
public struct AttachmentLocator: Sendable, Equatable {
    /// Folders searched in order for the attachment's file name; empty means "use the recorded path".
    public var directories: [URL]

    public init(directories: [URL] = []) {
        self.directories = directories
    }

    /// The file to read for an attachment the stream recorded at `recordedPath`.
    public func locate(_ recordedPath: String) -> URL {
        let recorded = URL(fileURLWithPath: recordedPath)
        let candidates = directories.map { $0.appendingPathComponent(recorded.lastPathComponent) }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates.first ?? recorded
    }
}
