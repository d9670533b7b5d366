import Foundation
import Testing
@testable import ReadinessKit

@Suite struct SubprocessTests {
    @Test func `output and exit code are captured`() async throws {
        let result = try await Subprocess.run("bash", ["-c", "echo out; echo err >&2; exit 3"], timeout: .seconds(30))
        #expect(result == Subprocess.Result(status: 3, signaled: false, timedOut: false, stdout: "out\n", stderr: "err\n"))
        #expect(!result.succeeded)
        #expect(result.outcome(timeout: .seconds(30)) == "exited with code 3")
    }

    @Test func `a run past its timeout is killed with its children`() async throws {
        // The background sleep holds the pipes open: only killing the whole process group lets the run end.
        let result = try await Subprocess.run("bash", ["-c", "sleep 30 & sleep 30"], timeout: .milliseconds(300))
        #expect(result.timedOut)
        #expect(result.signaled && result.status == SIGKILL)
        #expect(!result.succeeded)
        #expect(result.outcome(timeout: .milliseconds(300)) == "timed out after 0.3 s and was killed")
    }

    @Test func `the working directory and environment are passed`() async throws {
        let result = try await Subprocess.run(
            "/bin/sh", ["-c", "pwd; echo $GREETING"], currentDirectory: URL(fileURLWithPath: "/tmp"),
            environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"], timeout: .seconds(30)
        )
        #expect(result.stdout == "/tmp\nhello\n")
    }

    @Test func `a missing program is a clear error`() async {
        await #expect(throws: ProbeError.launchFailed("no-such-program-xyz", reason: "not found in PATH")) {
            try await Subprocess.run("no-such-program-xyz", timeout: .seconds(1))
        }
        #expect(ProbeError.launchFailed("x", reason: "not found in PATH").description == "could not start 'x': not found in PATH. Check that it is installed and on PATH.")
    }
}
