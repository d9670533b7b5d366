import Foundation

/// What the command line asked for, after parsing and validation.
public enum Invocation: Sendable, Equatable {
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
    public enum Command: String, Sendable, CaseIterable {
        case check, report, gate
    }

    /// Options of `readiness check`.
    public struct CheckOptions: Sendable, Equatable {
        public var config: String?
        public var ollama: String?
        public var gate = "phase2"
        public var out = "readiness-report"
        public init() {}
    }

    /// Options of `readiness report`.
    public struct ReportOptions: Sendable, Equatable {
        public var events: String
        public var config: String?
        /// Folders holding the attachments, searched in order (repeatable, e.g. one per CI shard).
        public var attachments: [String] = []
        public var gate = "phase2"
        public var out = "readiness-report"
        public init(events: String) { self.events = events }
    }

    /// Options of `readiness gate`.
    public struct GateOptions: Sendable, Equatable {
        public var step: Int
        public var config: String?
        /// Read `<out>/report.json` unless `events` is given.
        public var out = "readiness-report"
        public var events: String?
        public var attachments: [String] = []
        public init(step: Int) { self.step = step }
    }
}
