import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import ReadinessReports
import TestFixtures

/// How `check` finds the readiness package and what it refuses before starting a long run.
struct CheckCommandTests {
    @Test func `check runs swift test in the nearest package above the working folder, with the arguments after --`() async throws {
        try await ReadinessCLITests.withPackage { package in
            let nested = package.appendingPathComponent("Tests/Fleet", isDirectory: true)
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: StreamFixtures.configFile, to: package.appendingPathComponent("readiness.json"))
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(["check", "--", "--filter", "Availability"], in: nested, suites: suites)
            let request = try #require(suites.received.first)
            #expect(request.packageDirectory.path == package.path)
            #expect(request.swiftTestArguments.suffix(2) == ["--filter", "Availability"])
            // With neither --config nor READINESS_CONFIG, the package's own readiness.json is the config.
            #expect(request.environment["READINESS_CONFIG"] == package.appendingPathComponent("readiness.json").path)
            #expect(result.status == .success)
        }
    }

    @Test func `--ollama and --shard reach swift test as READINESS_OLLAMA_HOSTS and READINESS_SHARD, and no stale shard does`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let sharded = RecordedRun("healthy", status: 0)
            _ = await ReadinessCLITests.run(
                ["check", "--config", ReadinessCLITests.config, "--ollama", "127.0.0.1:9", "--shard", "2/3"], in: folder, suites: sharded
            )
            let request = try #require(sharded.received.first)
            #expect(request.environment[ReadinessConfig.hostsVariable] == "127.0.0.1:9")
            #expect(request.environment["OLLAMA_HOST"] == "127.0.0.1:9")
            #expect(request.environment[Shard.variable] == "2/3")
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.source.shard == "2/3")
            #expect(report.summary.hasPrefix("Shard 2/3 alone ('readiness merge' decides on all 3): "))
            let unsharded = RecordedRun("healthy", status: 0)
            _ = await ReadinessCLITests.run(
                ["check", "--config", ReadinessCLITests.config], in: folder, suites: unsharded, environment: [Shard.variable: "1/2"]
            )
            #expect(try #require(unsharded.received.first).environment[Shard.variable] == nil)
        }
    }

    @Test func `a shard beyond the fleet's pairs is undecided before anything runs`() async throws {
        await ReadinessCLITests.withPackage { folder in
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config, "--shard", "7/7"], in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(suites.received.isEmpty)
            #expect(result.out.contains("--shard 7/7 checks nothing: the fleet has 6 (model, host) pairs, fewer than 7 shards"))
        }
    }

    @Test func `a gate readiness.json does not define is undecided before anything runs`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config, "--gate", "nightly"], in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(suites.received.isEmpty)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.verdict == .undecided)
            #expect(report.problems.map(\.message).contains { $0.hasSuffix("defines no gate 'nightly' (its gates: 'phase2')") })
        }
    }

    @Test func `without a readiness package the check is undecided and says how to make one`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let suites = RecordedRun("healthy", status: 0)
            let result = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config, "--package-path", "nowhere"], in: folder, suites: suites)
            #expect(result.status == .undecided)
            #expect(suites.received.isEmpty)
            let report = try ReadinessReport.load(from: folder.appendingPathComponent("readiness-report/report.json"))
            #expect(report.problems.first?.message == "--package-path 'nowhere' holds no Package.swift: pass the folder of your readiness package, or make one with 'readiness init nowhere'")
            #expect(result.out.contains("UNDECIDED: "))
        }
    }
}
