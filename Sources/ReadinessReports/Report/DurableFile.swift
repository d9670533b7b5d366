import ReadinessKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files whose bytes are on the disk before anyone is told about them: a rename after `create` publishes
/// complete contents even if the machine stops right after it.
package enum DurableFile {
    /// Creates a new file at `url` holding `data`, flushed to the disk.
    /// - Throws: `POSIXFailure` naming the call that failed (ENOSPC, EROFS, EEXIST, …).
    package static func create(_ data: Data, at url: URL) throws {
        let descriptor = Int32(try syscall("open") { open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) })
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                offset += try syscall("write") { write(descriptor, base + offset, buffer.count - offset) }
            }
        }
        _ = try syscall("fsync") { fsync(descriptor) }
    }

    /// Flushes a folder's entries (creations, renames, removals) to the disk.
    package static func syncDirectory(_ url: URL) throws {
        let descriptor = Int32(try syscall("open") { open(url.path, O_RDONLY | O_CLOEXEC) })
        defer { close(descriptor) }
        _ = try syscall("fsync") { fsync(descriptor) }
    }

    /// Renames `source` over `destination` (atomic within one file system).
    package static func rename(_ source: URL, over destination: URL) throws {
        _ = try syscall("rename") { Foundation.rename(source.path, destination.path) }
    }

    /// Runs a POSIX call, retrying on EINTR.
    private static func syscall<T: BinaryInteger>(_ name: String, _ call: () -> T) throws -> Int {
        while true {
            let result = call()
            if result >= 0 { return Int(result) }
            if errno != EINTR { throw POSIXFailure(call: name, code: errno) }
        }
    }
}

/// A POSIX call that failed, with its `strerror` text.
package struct POSIXFailure: Error, CustomStringConvertible {
    package var call: String
    package var code: Int32

    package init(call: String, code: Int32) {
        self.call = call
        self.code = code
    }

    package var description: String {
        "\(call): \(String(cString: strerror(code)))"
    }
}
