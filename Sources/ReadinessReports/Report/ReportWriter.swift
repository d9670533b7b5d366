import ReadinessKit
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Publishes report sets as a unit, so a reader (a gate, a CI upload) never sees report.md of one run beside
/// report.json of another, nor half a set.
///
/// The set is written and flushed into `<out>/.publishing-<run>/` (same file system), the old marker is removed,
/// each file is renamed over its predecessor, and `report.complete` (`ReportCompletion`) is written last. A
/// failure while writing leaves the previous set and its marker untouched; a failure while renaming leaves no
/// marker, so `ReadinessReport.load` refuses what is there.
package enum ReportWriter {
    /// The files of a report set, by name.
    package static let fileNames = ["report.md", "report.json", "junit.xml", "report.html"]

    /// How one staged file is created; tests inject a failing one to play a full disk.
    package typealias FileCreator = (Data, URL) throws -> Void

    /// Renders every format and publishes the set into `directory` (created if needed).
    /// - Parameter runID: Names the run in `report.complete`.
    /// - Returns: The files written, in `fileNames` order.
    /// - Throws: `ReportError.writeFailed` naming the file and saying what became of the previous set.
    @discardableResult
    package static func writeAll(_ report: ReadinessReport, to directory: URL, runID: String = UUID().uuidString) throws -> [URL] {
        try writeAll(report, to: directory, runID: runID, create: DurableFile.create)
    }

    @discardableResult
    package static func writeAll(
        _ report: ReadinessReport, to directory: URL, runID: String, create: FileCreator
    ) throws -> [URL] {
        let json = try ReadinessReport.encoder().encode(report)
        let contents = [
            Data(MarkdownRenderer.render(report).utf8), json + Data("\n".utf8),
            Data(JUnitRenderer.render(report).utf8), Data(HTMLRenderer.render(report).utf8),
        ]
        let files = Array(zip(fileNames, contents))
        let staging = directory.appendingPathComponent(".publishing-\(runID)", isDirectory: true)
        let kept = "the previous reports in '\(directory.relativePath)' were left as they were"
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            removeAbandonedStaging(in: directory)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportError.writeFailed(staging.relativePath, reason: "\(reason(error)); \(kept)")
        }
        for (name, data) in files {
            do {
                try create(data, staging.appendingPathComponent(name))
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw ReportError.writeFailed(directory.appendingPathComponent(name).relativePath, reason: "\(reason(error)); \(kept)")
            }
        }
        let marker = directory.appendingPathComponent(ReportCompletion.fileName)
        var current = marker
        do {
            try DurableFile.syncDirectory(staging)
            // Without a marker the folder reads as incomplete while the files are swapped one by one.
            if FileManager.default.fileExists(atPath: marker.path) { try FileManager.default.removeItem(at: marker) }
            try DurableFile.syncDirectory(directory)
            for (name, _) in files {
                current = directory.appendingPathComponent(name)
                try DurableFile.rename(staging.appendingPathComponent(name), over: current)
            }
            try DurableFile.syncDirectory(directory)
            try? FileManager.default.removeItem(at: staging)
            current = marker
            try replace(marker, with: Data(ReportCompletion(runID: runID, files: files).text.utf8))
            try DurableFile.syncDirectory(directory)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw ReportError.writeFailed(
                current.relativePath,
                reason: "\(reason(error)); '\(directory.relativePath)' holds no \(ReportCompletion.fileName), so no gate reads its reports"
            )
        }
        return files.map { directory.appendingPathComponent($0.0) }
    }

    /// Removes staging folders of publications that were killed; the caller holds the output folder's lock.
    private static func removeAbandonedStaging(in directory: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for entry in entries where entry.hasPrefix(".publishing-") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(entry))
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? ReportError { return "\(error)" }
        if let error = error as? POSIXFailure { return "\(error)" }
        return (error as NSError).localizedDescription
    }

    /// Writes `data` to a temporary file beside `url`, then renames it over `url` (atomic on one filesystem).
    /// - Throws: `ReportError.writeFailed` naming `url`.
    package static func write(_ data: Data, to url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try replace(url, with: data)
        } catch {
            throw ReportError.writeFailed(url.relativePath, reason: reason(error))
        }
    }

    /// Creates a flushed temporary file beside `url` and renames it over `url`; the temporary never stays.
    private static func replace(_ url: URL, with data: Data) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        do {
            try DurableFile.create(data, at: temporary)
            try DurableFile.rename(temporary, over: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Appends `text` to a file that others also append to (GITHUB_STEP_SUMMARY), creating it if needed.
    /// - Throws: `ReportError.writeFailed` naming the file.
    package static func append(_ text: String, to url: URL) throws {
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
