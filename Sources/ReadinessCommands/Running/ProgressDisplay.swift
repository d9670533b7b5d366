import Foundation
import ReadinessKit
import ReadinessReports

/// Shows a running check: on a terminal one line redrawn in place (tests done / total, the current one);
/// elsewhere (CI logs) one plain line per finished test, and a line saying the check is still building or running
/// whenever the log has been silent for `silence`, as `swift test` may build for minutes before the first test.
struct ProgressDisplay {
    /// The longest a CI log goes without a progress line.
    static let silence: TimeInterval = 15

    let isTerminal: Bool
    private var printed = Set<String>()
    private var lastLine = ""
    private var started: Date?
    private var lastPrinted: Date?

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// The text to write for the evidence so far at `now`; empty when nothing changed.
    mutating func update(_ evidence: RunEvidence, at now: Date) -> String {
        let functions = evidence.functions
        let finished = functions.filter { $0.state == .ended || $0.state == .skipped }
        if isTerminal {
            let counter = "[\(finished.count)/\(functions.count)]"
            // Test paths come from the suites' source and readiness.json: neutralised before they reach a terminal.
            let current = functions.last { $0.state == .running }.map { " " + UntrustedText.singleLine($0.path) } ?? ""
            let line = functions.isEmpty ? "Building and starting the readiness suites…" : "\(counter)\(current)"
            guard line != lastLine else { return "" }
            lastLine = line
            return "\r\u{1B}[2K" + line
        }
        var text = ""
        for test in finished where !printed.contains(test.id) {
            printed.insert(test.id)
            let status = test.state == .skipped ? "SKIP" : test.failed ? "FAIL" : "done"
            text += UntrustedText.consoleLine("[\(printed.count)/\(functions.count)] \(status) \(test.path)") + "\n"
        }
        let started = self.started ?? now
        self.started = started
        if text.isEmpty, now.timeIntervalSince(lastPrinted ?? started) >= Self.silence {
            // Whole seconds: "45 s", "1 min 30 s".
            let elapsed = ReportFormatting.duration(now.timeIntervalSince(started).rounded(.down))
            // Tests are declared once the package is built and the run starts.
            text = functions.isEmpty
                ? "building the readiness package, \(elapsed)\n"
                : "running: \(finished.count) of \(functions.count) tests done, \(elapsed)\n"
        }
        if !text.isEmpty { lastPrinted = now }
        return text
    }

    /// What to write once the run is over: on a terminal, the end of the progress line.
    func finish() -> String {
        isTerminal && !lastLine.isEmpty ? "\r\u{1B}[2K" : ""
    }
}
