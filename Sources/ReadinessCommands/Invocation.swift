import Foundation
import ReadinessKit

/// What the command line asked for, after parsing and validation.
enum Invocation: Sendable, Equatable {
    /// `readiness check`: run the suites, then report.
    case check(CheckOptions)
    /// `readiness report EVENTS.jsonl`: report on a stream produced elsewhere.
    case report(ReportOptions)
    /// `readiness gate --step N`: may the first N models of the migration order go?
    case gate(GateOptions)
    /// `--help` for a command, or for the tool when `nil`.
    case help(Command?)
    /// `--version`.
    case version

    /// The subcommands.
    enum Command: String, Sendable, CaseIterable {
        case check, report, gate
    }

    /// Options of `readiness check`.
    struct CheckOptions: Sendable, Equatable {
        var config: String?
        var ollama: String?
        var gate = "phase2"
        var out = "readiness-report"
        init() {}
    }

    /// Options of `readiness report`.
    struct ReportOptions: Sendable, Equatable {
        var events: String
        var config: String?
        /// Folders holding the attachments, searched in order (repeatable, e.g. one per CI shard).
        var attachments: [String] = []
        var gate = "phase2"
        var out = "readiness-report"
        init(events: String) { self.events = events }
    }

    /// Options of `readiness gate`.
    struct GateOptions: Sendable, Equatable {
        var step: Int
        var config: String?
        /// Read `<out>/report.json` unless `events` is given.
        var out = "readiness-report"
        var events: String?
        var attachments: [String] = []
        init(step: Int) { self.step = step }
    }
}
