import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the report files atomically, so a reader (or a CI upload) never sees half a report.
public enum ReportWriter {
    /// The files of a report set, by name.
    public static let fileNames = ["report.md", "report.json", "junit.xml", "report.html"]

    /// Renders every format and writes it into `directory` (created if needed).
    /// - Returns: The files written, in `fileNames` order.
    /// - Throws: `ReportError.writeFailed` naming the file.
    @discardableResult
    public static func writeAll(_ report: ReadinessReport, to directory: URL) throws -> [URL] {
        let json = try ReadinessReport.encoder().encode(report)
        let contents = [
            Data(MarkdownRenderer.render(report).utf8), json + Data("\n".utf8),
            Data(JUnitRenderer.render(report).utf8), Data(HTMLRenderer.render(report).utf8),
        ]
        return try zip(fileNames, contents).map { name, data in
            let url = directory.appendingPathComponent(name)
            try write(data, to: url)
            return url
        }
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url` (atomic on one filesystem).
    /// - Throws: `ReportError.writeFailed` naming `url`.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError.writeFailed(url.relativePath, reason: (error as NSError).localizedDescription)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ReportError.writeFailed(url.relativePath, reason: "rename: \(reason)")
        }
    }

    /// Appends `text` to a file that others also append to (GITHUB_STEP_SUMMARY), creating it if needed.
    /// - Throws: `ReportError.writeFailed` naming the file.
    public static func append(_ text: String, to url: URL) throws {
        do {
            if !FileManager.default.fileExists(atPath: url.path) {
                try Data().write(to: url)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ReportError.writeFailed(url.relativePath, reason: (error as NSError).localizedDescription)
        }
    }
}
