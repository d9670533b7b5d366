import ReadinessKit
import Foundation

/// A report that cannot be read or written.
package struct ReportError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case notFound(String)
        case notAReport(String)
        case unsupportedVersion(String, Int)
        case writeFailed(String, reason: String)
        case incomplete(String, reason: String)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// There is no report.json at this path.
    package static func notFound(_ path: String) -> ReportError { ReportError(.notFound(path)) }
    /// The file is not a report.json of this tool.
    package static func notAReport(_ path: String) -> ReportError { ReportError(.notAReport(path)) }
    /// The report has a schemaVersion this tool does not read.
    package static func unsupportedVersion(_ path: String, version: Int) -> ReportError {
        ReportError(.unsupportedVersion(path, version))
    }
    /// A report file could not be written.
    package static func writeFailed(_ path: String, reason: String) -> ReportError {
        ReportError(.writeFailed(path, reason: reason))
    }

    /// The report is not part of a completely published set (see `ReportCompletion`).
    package static func incomplete(_ path: String, reason: String) -> ReportError {
        ReportError(.incomplete(path, reason: reason))
    }

    package var description: String {
        "\(problem). \(fix)"
    }

    /// What is wrong, without what to do about it: for messages where the fix does not apply (the comparison
    /// with a previous report, say, which a new run replaces anyway).
    package var problem: String {
        switch code {
        case .notFound(let path): "'\(path)' does not exist"
        case .notAReport(let path): "'\(path)' is not a report.json written by readiness"
        case .unsupportedVersion(let path, let version):
            "'\(path)' has schemaVersion \(version); this readiness reads \(ReadinessReport.currentSchemaVersion)"
        case .writeFailed(let path, let reason): "could not write '\(path)': \(reason)"
        case .incomplete(let path, let reason): "'\(path)' is not from a completed report: \(reason)"
        }
    }

    private var fix: String {
        switch code {
        case .notFound: "Run 'readiness check' (or 'readiness report EVENTS.jsonl') first, or pass the EVENTS.jsonl of a run."
        case .notAReport: "Re-create it with 'readiness report'."
        case .unsupportedVersion: "Re-create it with this version."
        case .writeFailed: "Check that the folder is writable."
        case .incomplete: "Run 'readiness check' (or 'readiness report') again."
        }
    }
}
