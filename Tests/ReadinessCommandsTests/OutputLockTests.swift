import Foundation
import Synchronization
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// Runs into one --out take `<out>/.lock`: a second one is refused, a dead one's lock is taken over, and the
/// lock goes on every way out.
struct OutputLockTests {
    /// A suite run that holds still until released, so a second run can try the same folder meanwhile.
    final class HeldRun: SuiteRunning {
        private let state = Mutex((started: false, released: false))
        var started: Bool { state.withLock { $0.started } }
        func release() { state.withLock { $0.released = true } }

        func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome {
            state.withLock { $0.started = true }
            while !state.withLock({ $0.released }) { try await Task.sleep(for: .milliseconds(5)) }
            return try await RecordedRun("healthy", status: 0).run(request)
        }
    }

    static let since = "2026-11-25T09:46:40Z"

    @Test func `a second check or report into a folder in use is refused with exit 2, and the first one finishes`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let held = HeldRun()
            let first = Task { await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config], in: folder, suites: held) }
            while !held.started { try await Task.sleep(for: .milliseconds(5)) }
            let lock = try String(contentsOf: folder.appendingPathComponent("readiness-report/.lock"), encoding: .utf8)
            #expect(lock == "pid \(getpid())\nsince \(Self.since)\n")

            let busy = "Error: 'readiness-report' is in use by readiness (pid \(getpid())) since \(Self.since); wait for it or use another --out\n"
            let second = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config], in: folder, suites: RecordedRun("healthy", status: 0))
            #expect(second.status == .undecided)
            #expect(second.err == busy)
            let report = await ReadinessCLITests.run(
                ["report", StreamFixtures.events("healthy").path, "--config", ReadinessCLITests.config], in: folder
            )
            #expect(report.status == .undecided)
            #expect(report.err == busy)

            held.release()
            let result = await first.value
            #expect(result.status == .success)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("readiness-report/.lock").path))
        }
    }

    @Test func `the lock of a process that is gone is taken over with a note`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            let gone = Process()
            gone.executableURL = URL(fileURLWithPath: "/bin/sh")
            gone.arguments = ["-c", "exit 0"]
            try gone.run()
            gone.waitUntilExit()
            _ = try DomainFixtures.write("pid \(gone.processIdentifier)\nsince 2026-01-01T00:00:00Z\n", to: "readiness-report/.lock", in: folder)
            let result = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config], in: folder)
            #expect(result.status == .success)
            #expect(result.err == "Note: took over the lock of 'readiness-report' from readiness (pid \(gone.processIdentifier)) since 2026-01-01T00:00:00Z, which is no longer running.\n")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("readiness-report/.lock").path))
        }
    }

    @Test func `a lock that names no process is not guessed at`() async throws {
        try await ReadinessCLITests.withPackage { folder in
            _ = try DomainFixtures.write("", to: "readiness-report/.lock", in: folder)
            let result = await ReadinessCLITests.run(["check", "--config", ReadinessCLITests.config], in: folder)
            #expect(result.status == .undecided)
            #expect(result.err == "Error: 'readiness-report/.lock' exists but names no process; remove it if no readiness run uses 'readiness-report'\n")
        }
    }

    @Test(arguments: [
        ["check", "--config", "missing.json"],
        ["check", "--config", ReadinessCLITests.config, "--gate", "nightly"],
        ["check", "--config", ReadinessCLITests.config, "--package-path", "nowhere"],
        ["check", "--config", ReadinessCLITests.config],
    ])
    func `the lock is gone after every way out of check`(_ arguments: [String]) async {
        await ReadinessCLITests.withPackage { folder in
            _ = await ReadinessCLITests.run(arguments, in: folder, suites: RecordedRun("crash", status: 1))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("readiness-report/report.md").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("readiness-report/.lock").path))
        }
    }
}
