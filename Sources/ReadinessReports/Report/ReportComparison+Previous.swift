import ReadinessKit
import Foundation

extension ReportComparison {
    /// Compares `report` with the report set already published in `directory`, when that set is complete and is
    /// an earlier run of the same gate with the same readiness.json, of the same hosts and the same shard (or both
    /// of the whole fleet); otherwise a comparison of nothing that says why. Never throws: whatever the folder
    /// holds, the new reports are still published.
    /// - Parameters:
    ///   - directory: The output folder the new set is about to replace; the caller holds its lock.
    ///   - report: The new run's report.
    package static func sincePrevious(in directory: URL, for report: ReadinessReport) -> ReportComparison {
        let file = directory.appendingPathComponent("report.json")
        let gate = report.gate.name
        let folder = directory.relativePath
        guard FileManager.default.fileExists(atPath: file.path) else {
            return .none(.noPreviousReport, note: "No previous run of gate '\(gate)' to compare with: '\(folder)' held no report.")
        }
        let previous: ReadinessReport
        do {
            previous = try ReadinessReport.load(from: file)
        } catch {
            let problem = (error as? ReportError)?.problem ?? "\(error)"
            return .none(.unreadable, note: "No comparison with the previous run: \(problem).")
        }
        guard previous.gate.name == gate else {
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the last report in '\(folder)' is of gate '\(previous.gate.name)'.")
        }
        guard let before = previous.source.configSHA256, let now = report.source.configSHA256 else {
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the readiness.json of the last report in '\(folder)' or of this run is unknown.")
        }
        guard before == now else {
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the last report in '\(folder)' was made with another readiness.json.")
        }
        // Another server, or another part of the fleet, is another check: its changes would not be this fleet's.
        guard previous.ollama.checkedHosts == report.ollama.checkedHosts else {
            let hosts = { (report: ReadinessReport) in report.ollama.checkedHosts.joined(separator: ", ") }
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the last report in '\(folder)' checked \(hosts(previous)), not \(hosts(report)).")
        }
        guard previous.source.shard == report.source.shard else {
            let part = { (report: ReadinessReport) in report.source.shard.map { "shard \($0)" } ?? "the whole fleet" }
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the last report in '\(folder)' is of \(part(previous)), not \(part(report)).")
        }
        if let started = report.timings.runStarted, started == previous.timings.runStarted {
            return .none(.notComparable, note: "No previous run of gate '\(gate)' to compare with: the last report in '\(folder)' is of this same run (started \(started)).")
        }
        return between(previous, and: report)
    }
}
