import ReadinessKit
import Foundation

/// `report.complete`: written last when a report set is published, it names the run and the SHA-256 of every
/// file of the set. A report.json without it, or not matching it, is from a publication that did not finish
/// (a killed run, a full disk) or that another one overtook, and no gate may read it.
package struct ReportCompletion: Sendable, Equatable {
    /// The marker's file name, beside the reports.
    package static let fileName = "report.complete"

    /// The id of the run that published the set.
    package var runID: String
    /// SHA-256 (hex) of each file of the set, by file name.
    package var digests: [String: String]

    package init(runID: String, files: [(name: String, data: Data)]) {
        self.runID = runID
        digests = Dictionary(files.map { ($0.name, SHA256.hex($0.data)) }) { first, _ in first }
    }

    /// The marker's text: the run id, then `sha256 <file>: <hex>` lines in file-name order.
    package var text: String {
        (["run: \(runID)"] + digests.keys.sorted().map { "sha256 \($0): \(digests[$0]!)" }).joined(separator: "\n") + "\n"
    }

    /// Reads a marker's text; `nil` when it is not one.
    package static func parse(_ text: String) -> ReportCompletion? {
        var lines = text.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasPrefix("run: "), first.count > 5 else { return nil }
        lines.removeFirst()
        var digests: [String: String] = [:]
        for line in lines {
            guard line.hasPrefix("sha256 "), let colon = line.range(of: ": ", options: .backwards) else { return nil }
            digests[String(line[line.index(line.startIndex, offsetBy: 7)..<colon.lowerBound])] = String(line[colon.upperBound...])
        }
        var marker = ReportCompletion(runID: String(first.dropFirst(5)), files: [])
        marker.digests = digests
        return marker
    }

    /// Checks that `data`, read from `url`, is the file the completed publication beside it put there.
    /// - Throws: `ReportError.incomplete` saying which of the two is wrong.
    package static func verify(_ data: Data, readFrom url: URL) throws {
        let markerURL = url.deletingLastPathComponent().appendingPathComponent(fileName)
        guard let bytes = FileManager.default.contents(atPath: markerURL.path) else {
            throw ReportError.incomplete(url.relativePath, reason: "there is no \(fileName) beside it, so its publication did not finish (a run killed or a disk full while writing the reports)")
        }
        guard let marker = parse(String(decoding: bytes, as: UTF8.self)),
              let expected = marker.digests[url.lastPathComponent] else {
            throw ReportError.incomplete(url.relativePath, reason: "\(fileName) beside it does not list it")
        }
        guard expected == SHA256.hex(data) else {
            throw ReportError.incomplete(url.relativePath, reason: "it is not the file run \(marker.runID) published (its SHA-256 differs from \(fileName)'s)")
        }
    }
}
