import ReadinessKit
import Foundation

/// Why the evidence of a run is missing or incomplete; any problem keeps the verdict from being READY.
package struct RunProblem: Error, Codable, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, stable for machines reading report.json.
    package var kind: Kind
    /// One sentence naming the input at fault.
    package var message: String
    /// What to do about it.
    package var action: String

    /// The kinds of problems, by where the evidence broke.
    package enum Kind: String, Codable, Sendable {
        /// readiness.json is missing or invalid, or names no such gate.
        case config
        /// The event stream file does not exist or cannot be read.
        case streamMissing = "stream-missing"
        /// A line of the event stream is not a stream record.
        case streamCorrupt = "stream-corrupt"
        /// The event stream stops in the middle of a line.
        case streamTruncated = "stream-truncated"
        /// The event stream comes from a schema version the runner does not read.
        case streamVersion = "stream-version"
        /// The stream is not the record of exactly one run: several `runStarted`, records after `runEnded`,
        /// or records of another stream version (streams appended or spliced together).
        case streamInconsistent = "stream-inconsistent"
        /// The run started but has no `runEnded`: a crash, a kill or a truncated file.
        case runNotEnded = "run-not-ended"
        /// The run ended without running any test.
        case noTestsMatched = "no-tests-matched"
        /// `swift test` failed before or outside the tests (build failure, crash, bad exit status).
        case runner
        /// A criterion attachment is missing, unreadable or of an unknown schema version.
        case attachment
        /// A criterion the gate requires has no result.
        case criterionMissing = "criterion-missing"
        /// A criterion the gate requires has results, but not one for every critical model (or no fleet-wide one).
        case resultMissing = "result-missing"
        /// Results that cannot all be true: the same criterion and model recorded twice with different outcomes,
        /// a result for a model readiness.json does not name, or a per-model result of a fleet-wide criterion.
        case resultConflict = "result-conflict"
        /// A merge of a sharded check lacks a shard, has one twice or incomplete, or its shards disagree on the
        /// number of shards, the config, the hosts, the gate or the tool version.
        case shard
    }

    package init(_ kind: Kind, _ message: String, action: String) {
        self.kind = kind
        self.message = message
        self.action = action
    }

    package var description: String { message }

    static func streamCorrupt(line: Int) -> RunProblem {
        RunProblem(
            .streamCorrupt, "line \(line) of the event stream is not a Swift Testing event record",
            action: "Produce the stream with 'swift test --event-stream-output-path FILE --event-stream-version 6.3' and do not edit it."
        )
    }
}
