import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// A report set is published whole or not at all: no reader ever takes report.json of a set that did not finish.
struct ReportPublicationTests {
    static let diskFull = POSIXFailure(call: "write", code: ENOSPC)

    /// The bytes of every file in `folder`, by name.
    static func contents(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
        }
        return files
    }

    @Test(arguments: ReportWriter.fileNames)
    func `a disk full while writing any file leaves the previous set, marker included, untouched`(_ failing: String) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let out = folder.appendingPathComponent("out")
            let ready = try StreamFixtures.report("healthy")
            try ReportWriter.writeAll(ready, to: out, runID: "run-1")
            let before = try Self.contents(out)
            let error = try #require(throws: ReportError.self) {
                try ReportWriter.writeAll(try StreamFixtures.report("phase1"), to: out, runID: "run-2") { data, url in
                    if url.lastPathComponent == failing { throw Self.diskFull }
                    try DurableFile.create(data, at: url)
                }
            }
            #expect(error.description == "could not write '\(out.path)/\(failing)': write: No space left on device; the previous reports in '\(out.path)' were left as they were. Check that the folder is writable.")
            #expect(try Self.contents(out) == before)
            #expect(try ReadinessReport.load(from: out.appendingPathComponent("report.json")) == ready)
        }
    }

    @Test func `a published set carries a marker naming the run and every file's digest`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try ReportWriter.writeAll(try StreamFixtures.report("phase1"), to: folder, runID: "run-7")
            let text = try String(contentsOf: folder.appendingPathComponent("report.complete"), encoding: .utf8)
            let marker = try #require(ReportCompletion.parse(text))
            #expect(marker.runID == "run-7")
            #expect(marker.digests.keys.sorted() == ReportWriter.fileNames.sorted())
            for name in ReportWriter.fileNames {
                #expect(marker.digests[name] == SHA256.hex(try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
    }

    struct Tamper: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var change: @Sendable (URL) throws -> Void
        var reason: String
    }

    static let tampering: [Tamper] = [
        Tamper(testDescription: "marker gone (killed between renames)", change: { out in
            try FileManager.default.removeItem(at: out.appendingPathComponent("report.complete"))
        }, reason: "there is no report.complete beside it, so its publication did not finish (a run killed or a disk full while writing the reports)"),
        Tamper(testDescription: "report.json of another run beside the marker", change: { out in
            let other = try ReadinessReport.encoder().encode(try StreamFixtures.report("healthy"))
            try other.write(to: out.appendingPathComponent("report.json"))
        }, reason: "it is not the file run run-1 published (its SHA-256 differs from report.complete's)"),
        Tamper(testDescription: "marker that is not one", change: { out in
            try Data("READY\n".utf8).write(to: out.appendingPathComponent("report.complete"))
        }, reason: "report.complete beside it does not list it"),
    ]

    @Test(arguments: tampering)
    func `a report.json outside a completed set is refused, never read as READY or NOT READY`(_ tamper: Tamper) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try ReportWriter.writeAll(try StreamFixtures.report("phase1"), to: folder, runID: "run-1")
            try tamper.change(folder)
            let file = folder.appendingPathComponent("report.json")
            #expect(throws: ReportError.incomplete(file.relativePath, reason: tamper.reason)) { try ReadinessReport.load(from: file) }
        }
    }

    @Test func `staging folders of a killed publication are cleared by the next one`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(".publishing-dead"), withIntermediateDirectories: true)
            try ReportWriter.writeAll(try StreamFixtures.report("healthy"), to: folder)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["junit.xml", "report.complete", "report.html", "report.json", "report.md"])
        }
    }
}
