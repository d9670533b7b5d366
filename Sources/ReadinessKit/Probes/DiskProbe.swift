import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How full the filesystem holding a path is.
package struct DiskUsage: Sendable, Equatable {
    /// The path that was asked about.
    package var requestedPath: URL
    /// The path actually measured: `requestedPath` or, when it does not exist, its nearest existing ancestor.
    package var measuredPath: URL
    package var totalBytes: UInt64
    /// Bytes an unprivileged user can still write.
    package var availableBytes: UInt64
    /// Used space as `df` computes it: used / (used + available).
    package var usedFraction: Double

    /// One sentence for reports, e.g. "/data is 42.0% used (12.3 GB free)".
    package var message: String {
        let percent = String(format: "%.1f%%", usedFraction * 100)
        let free = String(format: "%.1f GB", Double(availableBytes) / 1e9)
        let measured = "the filesystem holding \(measuredPath.path) is \(percent) used (\(free) free)"
        if measuredPath.path == requestedPath.path { return measured.prefix(1).uppercased() + measured.dropFirst() }
        return "\(requestedPath.path) does not exist yet; \(measured)"
    }
}

/// Measures disk usage with statvfs.
package enum DiskProbe {
    /// Ollama's models folder: OLLAMA_MODELS if set, else ~/.ollama/models.
    package static func defaultModelsPath(environment: [String: String]) -> URL {
        if let models = environment["OLLAMA_MODELS"], !models.isEmpty {
            return PathResolver.resolve(models, against: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), environment: environment)
        }
        return URL(fileURLWithPath: PathResolver.home(environment)).appendingPathComponent(".ollama/models")
    }

    /// Measures the filesystem holding `path`, or its nearest existing ancestor when `path` does not exist.
    /// - Throws: `ProbeError` when statvfs fails.
    package static func measure(_ path: URL) throws -> DiskUsage {
        var measured = path.standardizedFileURL
        while !FileManager.default.fileExists(atPath: measured.path), measured.path != "/" {
            measured = measured.deletingLastPathComponent().standardizedFileURL
        }
        var stats = statvfs()
        guard statvfs(measured.path, &stats) == 0 else {
            throw ProbeError.systemCall("statvfs", path: measured.path, errno: errno)
        }
        let blockSize = UInt64(stats.f_frsize)
        let used = (UInt64(stats.f_blocks) - UInt64(stats.f_bfree)) * blockSize
        let available = UInt64(stats.f_bavail) * blockSize
        return DiskUsage(
            requestedPath: path.standardizedFileURL,
            measuredPath: measured,
            totalBytes: UInt64(stats.f_blocks) * blockSize,
            availableBytes: available,
            usedFraction: used + available == 0 ? 1 : Double(used) / Double(used + available)
        )
    }
}
