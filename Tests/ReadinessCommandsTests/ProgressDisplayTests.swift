import Foundation
import Synchronization
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// The progress of a check in a CI log: never silent for more than 15 s, while `swift test` builds or runs.
/// Time comes from an injected clock; nothing here waits for it.
struct ProgressDisplayTests {
    /// The evidence of the first `lines` of the healthy run: its 11 tests declared, some of them ended.
    static func evidence(lines: Int) throws -> RunEvidence {
        let text = try String(contentsOf: StreamFixtures.events("healthy"), encoding: .utf8)
        var evidence = RunEvidence()
        for line in text.split(separator: "\n").prefix(lines) { evidence.consume(line: Data(line.utf8)) }
        return evidence
    }

    static func at(_ seconds: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_000 + seconds) }

    @Test func `while the package builds, a line every 15 s says for how long`() {
        var display = ProgressDisplay(isTerminal: false)
        let lines = stride(from: 0, through: 95, by: 5).map { display.update(RunEvidence(), at: Self.at(Double($0))) }
        #expect(lines.filter { !$0.isEmpty } == [
            "building the readiness package, 15 s\n", "building the readiness package, 30 s\n",
            "building the readiness package, 45 s\n", "building the readiness package, 1 min 0 s\n",
            "building the readiness package, 1 min 15 s\n", "building the readiness package, 1 min 30 s\n",
        ])
        #expect(lines[3] == "building the readiness package, 15 s\n")
    }

    @Test func `while tests run, a line comes 15 s after the last one, counting the finished tests`() throws {
        var display = ProgressDisplay(isTerminal: false)
        #expect(display.update(RunEvidence(), at: Self.at(0)).isEmpty)
        let running = try Self.evidence(lines: 140)
        let finished = display.update(running, at: Self.at(80))
        #expect(finished.split(separator: "\n").count == 4, "the tests that ended print their own lines: \(finished)")
        #expect(finished.hasPrefix("[1/11] done "))
        #expect(display.update(running, at: Self.at(94)).isEmpty)
        #expect(display.update(running, at: Self.at(95.5)) == "running: 4 of 11 tests done, 1 min 35 s\n")
        #expect(display.update(running, at: Self.at(105)).isEmpty)
        #expect(display.update(running, at: Self.at(110.5)) == "running: 4 of 11 tests done, 1 min 50 s\n")
    }

    @Test func `a terminal redraws its line and gets no elapsed-time lines`() {
        var display = ProgressDisplay(isTerminal: true)
        #expect(display.update(RunEvidence(), at: Self.at(0)) == "\r\u{1B}[2KBuilding and starting the readiness suites…")
        #expect(display.update(RunEvidence(), at: Self.at(60)).isEmpty)
    }

    /// A clock that moves 5 s each time it is read, and counts the reads.
    final class SteppingClock: Sendable {
        private let reads = Mutex(0)
        var count: Int { reads.withLock { $0 } }
        func now() -> Date { ProgressDisplayTests.at(Double(reads.withLock { value in defer { value += 1 }; return value }) * 5) }
    }

    @Test func `the follower times its lines by the runner's clock while no stream exists yet`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let clock = SteppingClock(), out = CapturedOutput()
            let context = RunnerContext(
                environment: [:], currentDirectory: folder, isTerminal: false, output: { out.append($0) },
                errorOutput: { _ in }, now: { clock.now() }, progressInterval: .milliseconds(1)
            )
            let follower = Task { await RunFollower.follow(folder.appendingPathComponent("events.jsonl"), name: "events.jsonl", context: context) }
            while clock.count < 10 { try await Task.sleep(for: .milliseconds(1)) }
            follower.cancel()
            _ = await follower.value
            #expect(out.value.split(separator: "\n").prefix(3) == [
                "building the readiness package, 15 s", "building the readiness package, 30 s", "building the readiness package, 45 s",
            ])
        }
    }
}
