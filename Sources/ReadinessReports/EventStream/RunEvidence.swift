import ReadinessKit
import Foundation

/// What a Swift Testing event stream says happened: the tests declared, how each ended, the issues and
/// attachments they recorded, and whether the run finished. Built line by line, so it also serves progress.
package struct RunEvidence: Sendable, Equatable {
    /// One test function or suite of the run.
    package struct Test: Sendable, Equatable {
        /// How far a test got.
        package enum State: String, Sendable, Equatable {
            /// Declared but not started (filtered out by a crash, or still waiting).
            case declared
            /// Started and not ended.
            case running
            /// Ran to its end.
            case ended
            /// Skipped by a trait such as `.disabled`.
            case skipped
        }

        /// The full Swift Testing ID, e.g. `ReadinessCriteria.Readiness/Availability/modelsAvailable(model:)/A.swift:7:10`.
        package var id: String
        /// The function or suite name, e.g. `modelsAvailable(model:)`.
        package var name: String
        package var displayName: String?
        package var isSuite: Bool
        package var isParameterized: Bool
        package var state: State = .declared
        /// Why it was skipped, when `state` is `.skipped`.
        package var skipReason: String?
        /// Texts of the issues that failed it.
        package var failures: [String] = []
        /// Texts of its warning issues (they do not fail it).
        package var warnings: [String] = []
        /// Paths of its attachments, as the stream recorded them.
        package var attachments: [String] = []
        /// Start and end, in seconds since 1970.
        package var started: Double?
        package var ended: Double?

        /// The module part of the ID, e.g. `ReadinessCriteria`.
        package var module: String { String(id.prefix { $0 != "." }) }

        /// The ID without module and source location, e.g. `Readiness/Availability/modelsAvailable(model:)`.
        package var path: String {
            var parts = id.drop { $0 != "." }.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            if !isSuite, parts.count > 1, parts.last?.contains(".swift:") == true { parts.removeLast() }
            return parts.joined(separator: "/")
        }

        /// Whether an issue failed it.
        package var failed: Bool { !failures.isEmpty }
    }

    /// The stream's schema version, e.g. "6.3.0".
    package var version: String?
    /// Tests and suites in the order the stream declared them.
    package private(set) var tests: [Test] = []
    private var index: [String: Int] = [:]
    /// When the run started and ended, in seconds since 1970; `runEnded == nil` means it never finished.
    package var runStarted: Double?
    package var runEnded: Double?
    /// Failing issues recorded outside any test.
    package var runFailures: [String] = []
    /// Lines read so far.
    package private(set) var lineCount = 0
    /// How many `runStarted` records the stream holds: exactly one for the evidence of one run.
    package private(set) var runStartedCount = 0
    /// Line numbers of records that came after `runEnded` (evidence appended to a finished run).
    package private(set) var linesAfterEnd: [Int] = []
    /// Line numbers of records without a version or with one other than the first record's (streams spliced together).
    package private(set) var linesWithOtherVersion: [Int] = []
    /// What makes this stream unusable or incomplete (missing file, bad lines, no end, …).
    package var problems: [RunProblem] = []

    package init() {}

    /// The test with this ID, if declared.
    package func test(_ id: String) -> Test? {
        index[id].map { tests[$0] }
    }

    /// Test functions (not suites), in declaration order.
    package var functions: [Test] { tests.filter { !$0.isSuite } }

    /// Reads one line of the stream; a line that is not a stream record is recorded as a problem.
    package mutating func consume(line: Data) {
        line.withUnsafeBytes { consume(bytes: $0) }
    }

    /// Reads one line held in a buffer (see `consume(line:)`).
    mutating func consume(bytes line: UnsafeRawBufferPointer) {
        lineCount += 1
        guard let record = StreamRecord.decode(line) else {
            problems.append(.streamCorrupt(line: lineCount))
            return
        }
        if lineCount == 1 { version = record.version }
        if record.version == nil || record.version != version { linesWithOtherVersion.append(lineCount) }
        if runEnded != nil { linesAfterEnd.append(lineCount) }
        switch record.kind {
        case "test": declare(record.payload)
        case "event": apply(record.payload)
        default: break
        }
    }

    private mutating func declare(_ payload: StreamRecord.Payload) {
        guard let id = payload.id, index[id] == nil else { return }
        index[id] = tests.count
        tests.append(Test(
            id: id, name: payload.name ?? id, displayName: payload.displayName, isSuite: payload.kind == "suite",
            isParameterized: payload.isParameterized ?? false
        ))
    }

    private mutating func apply(_ payload: StreamRecord.Payload) {
        let time = payload.instant?.since1970
        switch payload.kind {
        case "runStarted":
            runStartedCount += 1
            runStarted = time
        case "runEnded": runEnded = time
        case "testStarted": update(payload.testID) { $0.state = .running; $0.started = time }
        case "testEnded": update(payload.testID) { $0.state = .ended; $0.ended = time }
        case "testSkipped":
            update(payload.testID) { $0.state = .skipped; $0.skipReason = Self.skipReason(payload.explanation) }
        case "valueAttached":
            guard let path = payload.attachment?.path else { return }
            update(payload.testID) { $0.attachments.append(path) }
        case "issueRecorded":
            let isFailure = payload.issue?.isFailure ?? (payload.issue?.severity != "warning")
            let text = payload.explanation
            guard payload.testID.flatMap({ index[$0] }) != nil else {
                if isFailure { runFailures.append(text) }
                return
            }
            update(payload.testID) { isFailure ? $0.failures.append(text) : $0.warnings.append(text) }
        default: break
        }
    }

    private mutating func update(_ id: String?, _ change: (inout Test) -> Void) {
        guard let id, let position = index[id] else { return }
        change(&tests[position])
    }

    /// `Test backupScripts() skipped: "backup host unavailable"` → `backup host unavailable`.
    static func skipReason(_ text: String) -> String {
        guard let range = text.range(of: "skipped: ") else { return text }
        var reason = text[range.upperBound...]
        if reason.count >= 2, reason.hasPrefix("\""), reason.hasSuffix("\"") { reason = reason.dropFirst().dropLast() }
        return String(reason)
    }
}
