import Foundation

/// Whether a shell script is present, executable and syntactically valid.
package struct ScriptCheck: Sendable, Equatable {
    package var path: URL
    /// What is wrong, one sentence each; empty when the script passes.
    package var problems: [String]
    /// Commands that fix the problems, e.g. "chmod +x /path/backup_models.sh".
    package var actions: [String]

    package var passed: Bool { problems.isEmpty }

    /// One sentence for reports.
    package var message: String {
        passed ? "\(path.path) exists, is executable and passes bash -n" : problems.joined(separator: " ")
    }
}

/// The outcome of running a script (its dry run).
package struct ScriptRun: Sendable, Equatable {
    package var path: URL
    package var arguments: [String]
    /// How the process ended; `nil` when it could not be started.
    package var result: Subprocess.Result?
    /// One sentence for reports, quoting the end of stderr on failure.
    package var message: String

    package var passed: Bool { result?.succeeded ?? false }
}

/// Checks and runs shell scripts.
package enum ScriptProbe {
    /// Checks that `script` exists, is a regular file with an executable bit, and passes `bash -n`.
    /// - Parameters:
    ///   - script: The script to check.
    ///   - timeout: The limit for `bash -n`.
    package static func check(_ script: URL, timeout: Duration = .seconds(10)) async -> ScriptCheck {
        var check = ScriptCheck(path: script, problems: [], actions: [])
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: script.path, isDirectory: &isDirectory) else {
            check.problems.append("\(script.path) does not exist.")
            check.actions.append("Create \(script.path) or fix its path in readiness.json.")
            return check
        }
        guard !isDirectory.boolValue else {
            check.problems.append("\(script.path) is a folder, not a script.")
            check.actions.append("Point readiness.json at the script file inside \(script.path).")
            return check
        }
        let permissions = (try? FileManager.default.attributesOfItem(atPath: script.path)[.posixPermissions] as? Int) ?? 0
        if permissions & 0o111 == 0 {
            check.problems.append("\(script.path) is not executable.")
            check.actions.append(ModelActions.makeExecutable(script.path))
        }
        do {
            let syntax = try await Subprocess.run("bash", ["-n", script.path], timeout: timeout)
            if !syntax.succeeded {
                let detail = tail(syntax.stderr).map { ": \($0)" } ?? ""
                check.problems.append("\(script.path) fails bash -n (\(syntax.outcome(timeout: timeout)))\(detail).")
                check.actions.append("Fix the syntax error, then run: " + ModelActions.checkSyntax(script.path))
            }
        } catch {
            check.problems.append("\(script.path) could not be syntax-checked: \(error)")
            check.actions.append("Install bash.")
        }
        return check
    }

    /// Runs `script` with `arguments` (its dry run) and reports whether it exited 0 within `timeout`.
    /// - Parameters:
    ///   - script: The script, run directly so its shebang applies.
    ///   - arguments: E.g. `["--dry-run", "matthew_context_provider_v2"]`.
    ///   - currentDirectory: The working directory (default: the script's folder).
    ///   - environment: The complete environment (default: inherited).
    ///   - timeout: The limit after which the script and its children are killed.
    package static func run(
        _ script: URL, arguments: [String], currentDirectory: URL? = nil,
        environment: [String: String]? = nil, timeout: Duration
    ) async -> ScriptRun {
        let command = ([script.path] + arguments).joined(separator: " ")
        do {
            let result = try await Subprocess.run(
                script.path, arguments, currentDirectory: currentDirectory ?? script.deletingLastPathComponent(),
                environment: environment, timeout: timeout
            )
            let message: String
            if result.succeeded {
                message = "'\(command)' exited with code 0"
            } else {
                let detail = tail(result.stderr) ?? tail(result.stdout)
                message = "'\(command)' \(result.outcome(timeout: timeout))" + (detail.map { ": \($0)" } ?? "")
            }
            return ScriptRun(path: script, arguments: arguments, result: result, message: message)
        } catch {
            return ScriptRun(path: script, arguments: arguments, result: nil, message: "'\(command)' \(error)")
        }
    }

    /// The last non-empty line of some output, which is where shells and scripts put the error.
    static func tail(_ output: String) -> String? {
        output.split(whereSeparator: \.isNewline).last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { String($0.trimmingCharacters(in: .whitespaces)) }
    }
}
