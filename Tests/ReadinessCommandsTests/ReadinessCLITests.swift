import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

struct ReadinessCLITests {
    /// Runs the CLI in `folder` (the working directory; a fresh empty one when `nil`) with captured output.
    static func run(
        _ arguments: [String], in folder: URL? = nil, suites: any SuiteRunning = RecordedRun("healthy", status: 0),
        environment: [String: String] = [:], isTerminal: Bool = false
    ) async -> (status: ExitCode, out: String, err: String) {
        guard let folder else {
            return await DomainFixtures.withTemporaryDirectory { folder in
                await run(arguments, in: folder, suites: suites, environment: environment, isTerminal: isTerminal)
            }
        }
        let out = CapturedOutput(), err = CapturedOutput()
        let context = RunnerContext(
            environment: environment, currentDirectory: folder, isTerminal: isTerminal,
            output: { out.append($0) }, errorOutput: { err.append($0) }, now: { StreamFixtures.generatedAt },
            suiteRunner: suites, progressInterval: .milliseconds(1)
        )
        let status = await ReadinessCommand.run(arguments, context: context)
        return (status, out.value, err.value)
    }

    static let config = StreamFixtures.configFile.path

    /// Runs `body` in a fresh folder holding a Package.swift, as `check` needs (the recorded runs build nothing).
    static func withPackage<T>(_ body: (URL) async throws -> T) async rethrows -> T {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try! DomainFixtures.write("// swift-tools-version: 6.3\n", to: "Package.swift", in: folder)
            return try await body(folder)
        }
    }

    struct CheckCase: Sendable, CustomTestStringConvertible {
        var fixture: String
        var exitStatus: Int32
        var status: ExitCode
        var verdict: String
        var testDescription: String { fixture }
    }

    @Test(arguments: [
        CheckCase(fixture: "healthy", exitStatus: 0, status: .success, verdict: "ready"),
        CheckCase(fixture: "phase1", exitStatus: 1, status: .notReady, verdict: "not-ready"),
        CheckCase(fixture: "crash", exitStatus: 1, status: .undecided, verdict: "undecided"),
        CheckCase(fixture: "build-failure", exitStatus: 1, status: .undecided, verdict: "undecided"),
    ])
    func `check runs the suites once and reports their verdict`(_ row: CheckCase) async throws {
        try await Self.withPackage { folder in
            let suites = RecordedRun(row.fixture, status: row.exitStatus)
            let result = await Self.run(
                ["check", "--config", Self.config, "--ollama", "http://127.0.0.1:9"], in: folder, suites: suites
            )
            #expect(result.status == row.status)
            let request = try #require(suites.received.first)
            #expect(suites.received.count == 1)
            #expect(request.packageDirectory.path == folder.path)
            #expect(request.swiftTestArguments == [
                "test", "--package-path", folder.path, "--event-stream-output-path", request.eventsFile.path,
                "--event-stream-version", "6.3", "--attachments-path", request.attachmentsDirectory.path,
            ])
            #expect(request.eventsFile.path.hasSuffix("readiness-report/run/events.jsonl"))
            #expect(request.environment["OLLAMA_HOST"] == "http://127.0.0.1:9")
            #expect(request.environment["READINESS_CONFIG"] == Self.config)
            let out = folder.appendingPathComponent("readiness-report")
            for name in ReportWriter.fileNames { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path)) }
            let report = try ReadinessReport.load(from: out.appendingPathComponent("report.json"))
            #expect(report.verdict.rawValue == row.verdict)
            #expect(report.ollama.host == "http://127.0.0.1:9")
            #expect(result.out.hasSuffix("\(report.verdict.label): \(report.summary)\n"))
        }
    }

    @Test func `check reports the compiler errors of a build failure in every report`() async throws {
        try await Self.withPackage { folder in
            let result = await Self.run(["check", "--config", Self.config], in: folder, suites: RecordedRun("build-failure", status: 1))
            #expect(result.status == .undecided)
            let out = folder.appendingPathComponent("readiness-report")
            let cause = "'swift test' exited with code 1 before running any test (build failure?): /work/mirador/Tests/ReadinessSuites/Broken.swift:1:19: error: cannot convert value of type 'String' to specified type 'Int'"
            let report = try ReadinessReport.load(from: out.appendingPathComponent("report.json"))
            #expect(report.problems.first?.message.hasPrefix(cause) == true)
            for name in ["report.md", "junit.xml", "report.html"] {
                let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                #expect(text.contains("cannot convert value of type"), "\(name) names the build failure")
            }
        }
    }

    @Test func `progress prints one plain line per finished test when not on a terminal`() async {
        await Self.withPackage { folder in
            let result = await Self.run(["check", "--config", Self.config], in: folder, suites: RecordedRun("critical-skipped", status: 0))
            let progress = result.out.split(separator: "\n").filter { $0.hasPrefix("[") }
            #expect(progress.count == 11)
            #expect(progress.last?.hasPrefix("[11/11] ") == true)
            #expect(progress.contains("[\(progress.firstIndex { $0.contains("backupScripts") }! + 1)/11] SKIP Readiness/Backup/backupScripts()"))
            #expect(!result.out.contains("\u{1B}["))
        }
    }

    @Test func `progress redraws one line on a terminal`() async {
        await Self.withPackage { folder in
            let result = await Self.run(["check", "--config", Self.config], in: folder, isTerminal: true)
            #expect(result.out.contains("\r\u{1B}[2K[11/11]"))
            #expect(!result.out.contains("] done "))
        }
    }

    @Test func `a bad config is reported as undecided without running the suites`() async throws {
        try await Self.withPackage { folder in
            try Data("{ not json".utf8).write(to: folder.appendingPathComponent("readiness.json"))
            let suites = RecordedRun("healthy", status: 0)
            let result = await Self.run(["check"], in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(suites.received.isEmpty)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.verdict == .undecided)
            #expect(report.problems.map(\.kind) == [.config])
            #expect(report.problems[0].message.hasPrefix("the configuration cannot be used: \(folder.path)/readiness.json: line 1, column 3: expected a key in double quotes, found 'not'"))
        }
    }

    @Test func `report reads a CI stream with moved attachments, appends the step summary and annotates`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let summary = folder.appendingPathComponent("summary.md")
            try Data("earlier step\n".utf8).write(to: summary)
            let result = await Self.run(
                [
                    "report", StreamFixtures.events("phase1").path, "--config", Self.config,
                    "--attachments", StreamFixtures.attachments("phase1").path, "--out", "ci",
                ],
                in: folder, environment: ["GITHUB_STEP_SUMMARY": summary.path, "GITHUB_ACTIONS": "true"]
            )
            #expect(result.status == .notReady)
            let appended = try String(contentsOf: summary, encoding: .utf8)
            #expect(appended.hasPrefix("earlier step\n# Readiness: NOT READY\n"))
            #expect(result.out.contains("::error title=Readiness%3A models-available::3 of 6 models fall short"))
            let markdown = try String(contentsOf: folder.appendingPathComponent("ci/report.md"), encoding: .utf8)
            #expect(markdown == appended.dropFirst("earlier step\n".count))
        }
    }

    @Test func `usage errors go to stderr with exit code 2`() async {
        await DomainFixtures.withTemporaryDirectory { folder in
            let result = await Self.run(["report", "--foo"], in: folder)
            #expect(result.status == .undecided)
            #expect(result.out.isEmpty)
            #expect(result.err.hasPrefix("Error: Unknown option '--foo'\n"))
            let help = await Self.run(["check", "--help"], in: folder)
            #expect(help.status == .success)
            #expect(help.out.hasPrefix(ArgumentParserTests.checkUsage + "\n"))
        }
    }
}
