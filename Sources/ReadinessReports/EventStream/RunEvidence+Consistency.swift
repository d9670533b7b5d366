import ReadinessKit
import Foundation

extension RunEvidence {
    /// What makes the stream something other than the record of one run: evidence of two runs appended into
    /// one file would otherwise merge into results that no single run produced.
    /// - Parameter name: How to call the stream in problems.
    func consistencyProblems(name: String) -> [RunProblem] {
        guard lineCount > 0 else { return [] }
        let action = "Give every run its own --event-stream-output-path (the runner does) and do not edit or concatenate streams."
        var problems: [RunProblem] = []
        if runStartedCount == 0 {
            problems.append(RunProblem(.streamInconsistent, "the event stream '\(name)' has no runStarted record: it is not the record of a whole run", action: action))
        } else if runStartedCount > 1 {
            problems.append(RunProblem(.streamInconsistent, "the event stream '\(name)' holds \(runStartedCount) runStarted records: it mixes several runs", action: action))
        }
        if let first = linesAfterEnd.first {
            problems.append(RunProblem(
                .streamInconsistent, "the event stream '\(name)' has \(Self.records(linesAfterEnd.count)) after runEnded (from line \(first)): runEnded must be last",
                action: action
            ))
        }
        if let first = linesWithOtherVersion.first {
            problems.append(RunProblem(
                .streamInconsistent,
                "the event stream '\(name)' has \(Self.records(linesWithOtherVersion.count)) without the stream version \(version.map { "'\($0)'" } ?? "of its first record") (from line \(first))",
                action: action
            ))
        }
        return problems
    }

    private static func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }
}
