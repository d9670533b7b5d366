import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// readiness.json's `deadlineSeconds` stops a run that takes too long and leaves it UNDECIDED, naming what hung.
struct DeadlineTests {
    /// A run whose tests all start and never end: it writes the recorded stream up to the first `testEnded`,
    /// then hangs until it is stopped, ending as a SIGTERM would.
    final class HangingRun: SuiteRunning {
        func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome {
            let lines = try String(contentsOf: StreamFixtures.events("healthy"), encoding: .utf8).split(separator: "\n")
            let started = lines.prefix { !$0.contains(#""kind":"testEnded""#) }
            try Data((started.joined(separator: "\n") + "\n").utf8).write(to: request.eventsFile)
            while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(10)) }
            return SuiteRunOutcome(status: SIGTERM, signaled: true)
        }
    }

    /// The Mirador config with `deadlineSeconds`, written into `package`.
    static func config(in package: URL, deadline: Int) throws -> URL {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: StreamFixtures.configFile)) as? [String: Any])
        object["deadlineSeconds"] = deadline
        let file = package.appendingPathComponent("readiness.json")
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        return file
    }

    @Test func `a run past its deadline is stopped and UNDECIDED, naming the tests that did not finish`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            _ = try Self.config(in: folder, deadline: 1)
            let clock = ContinuousClock(), start = clock.now
            let result = await ReadinessCLITests.run(["check"], in: folder, suites: HangingRun())
            // The run would hang forever: ending at all proves the stop; the bound allows for a loaded machine.
            #expect(clock.now - start < .seconds(120))
            #expect(result.status == .undecided)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.verdict == .undecided)
            let problem = try #require(report.problems.first)
            #expect(problem.message.hasPrefix("the run passed its deadline of 1 s (deadlineSeconds in readiness.json) and was stopped; tests that did not finish: Readiness/Availability/modelsAvailable(model:), "))
            #expect(problem.action == "Find why these tests take so long (an overloaded or hung Ollama?), or raise deadlineSeconds in readiness.json.")
            #expect(!report.problems.contains { $0.message.contains("killed by signal") })
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("readiness-report/.lock").path))
        }
    }

    @Test func `a run within its deadline is decided as usual`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            _ = try Self.config(in: folder, deadline: 600)
            let result = await ReadinessCLITests.run(["check"], in: folder, suites: RecordedRun("healthy", status: 0))
            #expect(result.status == .success)
        }
    }

    @Test func `cancelling the real runner stops its process tree within the grace period`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("#!/bin/sh\nsleep 600\n", to: "swift", in: folder, permissions: 0o755)
            let request = SuiteRunRequest(
                packageDirectory: folder, eventsFile: folder.appendingPathComponent("events.jsonl"),
                attachmentsDirectory: folder, logFile: folder.appendingPathComponent("log"), environment: ProcessInfo.processInfo.environment
            )
            let clock = ContinuousClock(), start = clock.now
            let (outcome, passed) = await RunDeadline.run(request, with: SwiftTestRunner(swift: script.path, gracePeriod: .seconds(1)), seconds: 1)
            #expect(clock.now - start < .seconds(120))
            #expect(passed)
            let ended = try outcome.get()
            // SIGTERM, or SIGKILL when a loaded machine did not let the shell act on SIGTERM within the grace period.
            #expect(ended.signaled && [SIGTERM, SIGKILL].contains(ended.status), "\(ended)")
        }
    }
}
