import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

@Suite struct ScriptProbeTests {
    @Test func `an executable script with valid syntax passes`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("#!/usr/bin/env bash\necho ok\n", to: "good.sh", in: folder, permissions: 0o755)
            let check = await ScriptProbe.check(script)
            #expect(check.passed)
            #expect(check.message == "\(script.path) exists, is executable and passes bash -n")
        }
    }

    @Test func `a script without an executable bit fails with the chmod to run`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("echo ok\n", to: "plain.sh", in: folder, permissions: 0o644)
            let check = await ScriptProbe.check(script)
            #expect(check.problems == ["\(script.path) is not executable."])
            #expect(check.actions == ["chmod +x \(script.path)"])
        }
    }

    @Test func `a syntax error fails with bash's message`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("if true; then\n  echo hi\n", to: "broken.sh", in: folder, permissions: 0o755)
            let check = await ScriptProbe.check(script)
            #expect(check.problems == ["\(script.path) fails bash -n (exited with code 2): \(script.path): line 3: syntax error: unexpected end of file."])
            #expect(check.actions == ["Fix the syntax error, then run: bash -n \(script.path)"])
        }
    }

    @Test func `a missing script or a folder fails`() async {
        await DomainFixtures.withTemporaryDirectory { folder in
            let missing = await ScriptProbe.check(folder.appendingPathComponent("nope.sh"))
            #expect(missing.problems == ["\(folder.path)/nope.sh does not exist."])
            let directory = await ScriptProbe.check(folder)
            #expect(directory.problems == ["\(folder.path) is a folder, not a script."])
        }
    }

    @Test(arguments: [
        ("exit 0", true, "exited with code 0"),
        ("echo working; echo 'no such model' >&2; exit 4", false, "exited with code 4: no such model"),
        ("echo 'only stdout says why'; exit 1", false, "exited with code 1: only stdout says why"),
    ])
    func `a dry run reports its exit code and the last error line`(body: String, passed: Bool, outcome: String) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("#!/bin/bash\n\(body)\n", to: "run.sh", in: folder, permissions: 0o755)
            let run = await ScriptProbe.run(script, arguments: ["--dry-run"], timeout: .seconds(30))
            #expect(run.passed == passed)
            #expect(run.message == "'\(script.path) --dry-run' \(outcome)")
        }
    }

    @Test func `a dry run past its timeout is killed and fails`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("#!/bin/bash\nsleep 30\n", to: "hang.sh", in: folder, permissions: 0o755)
            let run = await ScriptProbe.run(script, arguments: [], timeout: .milliseconds(200))
            #expect(!run.passed)
            #expect(run.result?.timedOut == true)
            #expect(run.message == "'\(script.path)' timed out after 0.2 s and was killed")
        }
    }

    @Test func `a dry run of a script that cannot start fails`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let script = try DomainFixtures.write("echo hi\n", to: "noexec.sh", in: folder, permissions: 0o644)
            let run = await ScriptProbe.run(script, arguments: [], timeout: .seconds(5))
            #expect(!run.passed && run.result == nil)
            #expect(run.message.hasPrefix("'\(script.path)' could not start '\(script.path)'"))
        }
    }
}
