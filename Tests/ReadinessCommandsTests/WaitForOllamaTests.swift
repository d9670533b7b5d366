import Foundation
import OllamaSimulator
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// `readiness check --wait-for-ollama DURATION`: the strict duration, the wait, and the undecided check.
@Suite(.timeLimit(.minutes(1))) struct WaitForOllamaTests {
    @Test func `durations are digits and a unit`() {
        #expect(DurationArgument.parse("30s") == .seconds(30))
        #expect(DurationArgument.parse("2m") == .seconds(120))
        #expect(DurationArgument.parse("1h") == .seconds(3600))
        #expect(DurationArgument.parse("250ms") == .milliseconds(250))
        for bad in ["", "30", "s", "0s", "-1s", "1.5s", "30 s", " 30s", "30S", "1d", "2m30s", "１s", "9999999999s"] {
            #expect(DurationArgument.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func `a bad duration is a usage error and starts nothing`() async {
        await ReadinessCLITests.withPackage { folder in
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(
                ["check", "--config", ReadinessCLITests.config, "--wait-for-ollama", "soon"], in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(result.err.contains("--wait-for-ollama 'soon' is not a duration"))
            #expect(suites.received.isEmpty)
        }
    }

    @Test func `an Ollama that never answers makes the check undecided without a run`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(
                ["check", "--config", ReadinessCLITests.config, "--ollama", "http://user:secret@127.0.0.1:9", "--wait-for-ollama", "300ms"],
                in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(suites.received.isEmpty)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.verdict.rawValue == "undecided")
            let problem = try #require(report.problems.first { $0.message.contains("--wait-for-ollama") })
            #expect(problem.message.contains("127.0.0.1:9") && problem.message.contains("300ms"))
            #expect(!problem.message.contains("secret") && !result.out.contains("secret"))
        }
    }

    @Test func `an Ollama that answers lets the run start`() async throws {
        try await withSimulator(Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/healthy.json"))) { url in
            await ReadinessCLITests.withPackage { folder in
                let suites = RecordedRun("healthy", status: 0)
                let result = await ReadinessCLITests.run(
                    ["check", "--config", ReadinessCLITests.config, "--ollama", url.absoluteString, "--wait-for-ollama", "30s"],
                    in: folder, suites: suites)
                #expect(result.status == .success, "\(result.out) \(result.err)")
                #expect(suites.received.count == 1)
            }
        }
    }

    @Test func `the wait gives up once its time is up`() async {
        let answered = await OllamaWait.answers(URL(string: "http://127.0.0.1:9")!, within: .milliseconds(200))
        #expect(!answered)
    }
}
