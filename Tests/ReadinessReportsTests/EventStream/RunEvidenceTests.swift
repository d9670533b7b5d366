import Foundation
import OllamaKit
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

struct RunEvidenceTests {
    @Test func `a healthy recording declares eleven criteria tests that all ended with their attachments`() {
        let evidence = StreamFixtures.evidence("healthy")
        #expect(evidence.problems.isEmpty)
        #expect(evidence.version == "6.3.0")
        #expect(evidence.runStarted != nil && evidence.runEnded != nil)
        #expect(evidence.functions.count == 11)
        #expect(evidence.functions.allSatisfy { $0.state == .ended && !$0.failed })
        let available = evidence.functions.first { $0.name == "modelsAvailable(model:)" }
        #expect(available?.path == "Readiness/Availability/modelsAvailable(model:)")
        #expect(available?.module == "ReadinessCriteria")
        #expect(available?.isParameterized == true)
        #expect(available?.attachments.count == 6)
        #expect(evidence.tests.first?.isSuite == true)
        #expect(evidence.tests.first?.path == "Readiness")
    }

    @Test func `failing issues and warnings are told apart by isFailure`() {
        let phase1 = StreamFixtures.evidence("phase1")
        let available = phase1.functions.first { $0.name == "modelsAvailable(model:)" }
        #expect(available?.failures.count == 3)
        #expect(available?.failures.contains("models-available [decision_simplifier_v2]: decision_simplifier_v2 is missing from Ollama") == true)

        let warning = StreamFixtures.evidence("warning-only")
        let disk = warning.functions.first { $0.name == "diskSpace()" }
        #expect(disk?.failures == [])
        #expect(disk?.warnings == ["disk-space: 94% of the disk holding the models is used"])
    }

    @Test func `a skipped test keeps the reason of its trait`() {
        let backup = StreamFixtures.evidence("critical-skipped").functions.first { $0.name == "backupScripts()" }
        #expect(backup?.state == .skipped)
        #expect(backup?.skipReason == "backup host unavailable")
        #expect(backup?.attachments == [])
    }

    @Test func `an expectation failure keeps the expression and the comment`() {
        let custom = StreamFixtures.evidence("unlisted-failure").functions.first { $0.name == "teamPolicy()" }
        #expect(custom?.failures == ["Expectation failed: (answers → 1) == 2: the on-call runbook names every model"])
    }

    struct Incomplete: Sendable, CustomTestStringConvertible {
        var fixture: String
        var kinds: [RunProblem.Kind]
        var testDescription: String { fixture }
    }

    @Test(arguments: [
        Incomplete(fixture: "crash", kinds: [.runNotEnded]),
        Incomplete(fixture: "truncated", kinds: [.streamTruncated, .runNotEnded]),
        Incomplete(fixture: "no-tests-matched", kinds: [.noTestsMatched]),
        Incomplete(fixture: "build-failure", kinds: [.streamMissing]),
    ])
    func `an incomplete stream says what is missing`(_ row: Incomplete) {
        #expect(StreamFixtures.evidence(row.fixture).problems.map(\.kind) == row.kinds)
    }

    @Test func `a crash names the tests that were running`() {
        let problem = StreamFixtures.evidence("crash").problems.first
        #expect(problem?.message.hasPrefix("the test run never ended while 11 tests were running ('Readiness/Availability/modelsAvailable(model:)'") == true)
    }

    @Test func `a line that is not an event record is reported by number`() {
        let data = Data("{\"kind\":\"event\",\"payload\":{\"kind\":\"runStarted\"},\"version\":\"6.3.0\"}\nnot json\n".utf8)
        let evidence = RunEvidence.parse(data, name: "x.jsonl")
        #expect(evidence.problems.map(\.message).first == "line 2 of the event stream is not a Swift Testing event record")
    }

    @Test func `a stream of another major version is refused`() {
        let line = "{\"kind\":\"event\",\"payload\":{\"kind\":\"runStarted\"},\"version\":\"0\"}\n"
        let evidence = RunEvidence.parse(Data(line.utf8), name: "old.jsonl")
        #expect(evidence.problems.first == RunProblem(
            .streamVersion, "the event stream 'old.jsonl' has schema version 0; this runner reads version 6.x",
            action: "Produce the stream with '--event-stream-version 6.3'."
        ))
    }

    @Test func `the line splitter keeps an unfinished line until its newline arrives`() {
        var splitter = LineSplitter()
        #expect(splitter.append(Data("{\"a\":1}\n{\"b\"".utf8)) == [Data("{\"a\":1}".utf8)])
        #expect(splitter.remainder == Data("{\"b\"".utf8))
        #expect(splitter.append(Data(":2}\n\n".utf8)) == [Data("{\"b\":2}".utf8)])
        #expect(splitter.remainder.isEmpty)
    }

    @Test func `the tail hands over lines as a growing file completes them`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("events.jsonl")
            var tail = EventStreamTail(url: file)
            #expect(tail.poll().isEmpty)
            let lines = try String(contentsOf: StreamFixtures.events("healthy"), encoding: .utf8)
            let bytes = Data(lines.utf8)
            try bytes.prefix(1000).write(to: file)
            var evidence = RunEvidence()
            for line in tail.poll() { evidence.consume(line: line) }
            let handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes.dropFirst(1000))
            try handle.close()
            for line in tail.poll() { evidence.consume(line: line) }
            #expect(evidence.lineCount == lines.split(separator: "\n").count)
            #expect(evidence.functions.count == 11)
            #expect(evidence.runEnded != nil)
        }
    }
}
