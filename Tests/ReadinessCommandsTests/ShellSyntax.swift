import Foundation

/// Runs a shell (or roff) over generated text: its syntax check, or bash's completion function.
enum ShellSyntax {
    /// `shell -n` over `script`.
    static func check(_ script: String, with shell: String) throws -> (status: Int32, errors: String, output: String) {
        try run(shell, ["-n"], input: script)
    }

    /// The words bash's completion function offers for `words`, the last being the one being typed.
    static func complete(_ script: String, _ words: [String]) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let driver = script + """
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _readiness; printf '%s\\n' "${COMPREPLY[@]}"
            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("completion-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run("/bin/bash", ["-c", "cd \"$1\" && eval \"$2\"", "bash", folder.path, driver], input: "")
        return result.output.split(separator: "\n").map(String.init)
    }

    /// `program arguments` with `input` on stdin.
    static func run(_ program: String, _ arguments: [String], input: String) throws -> (status: Int32, errors: String, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errors, as: UTF8.self), String(decoding: output, as: UTF8.self))
    }
}
