import Foundation
import ReadinessKit
import ReadinessReports

/// Shows a running check: on a terminal one line redrawn in place (tests done / total, the current one);
/// elsewhere (CI logs) one plain line per finished test.
struct ProgressDisplay {
    let isTerminal: Bool
    private var printed = Set<String>()
    private var lastLine = ""

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    /// The text to write for the evidence so far; empty when nothing changed.
    mutating func update(_ evidence: RunEvidence) -> String {
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
        return text
    }

    /// What to write once the run is over: on a terminal, the end of the progress line.
    func finish() -> String {
        isTerminal && !lastLine.isEmpty ? "\r\u{1B}[2K" : ""
    }
}
