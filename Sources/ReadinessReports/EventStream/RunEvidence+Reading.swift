import ReadinessKit
import Foundation
import OllamaKit

extension RunEvidence {
    /// The stream schema this runner reads (`--event-stream-version 6.3`); records of another major version are refused.
    package static let supportedMajorVersion = "6"

    /// Reads a whole event stream file; never throws: a missing, truncated or unfinished file becomes a problem.
    /// - Parameter url: The `--event-stream-output-path` file.
    /// - Returns: The evidence, with `problems` saying what is missing.
    package static func read(from url: URL) -> RunEvidence {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            var evidence = RunEvidence()
            evidence.problems.append(RunProblem(
                .streamMissing, "the event stream '\(url.relativePath)' does not exist or cannot be read",
                action: "Check that 'swift test' built and ran (see its output), and that the path is right."
            ))
            return evidence
        }
        return parse(data, name: url.relativePath)
    }

    /// Reads a whole event stream held in memory, then checks it is complete.
    /// - Parameters:
    ///   - data: The JSON lines.
    ///   - name: How to call the stream in problems, e.g. its path.
    package static func parse(_ data: Data, name: String) -> RunEvidence {
        var evidence = RunEvidence()
        let remainder = data.withUnsafeBytes { bytes in
            let end = LineSplitter.forEachLine(in: bytes) { evidence.consume(bytes: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
            return Data(bytes[end...])
        }
        evidence.finish(remainder: remainder, name: name)
        return evidence
    }

    /// Records what the complete stream lacks: an unfinished last line, a foreign version, no `runEnded`, no tests.
    /// - Parameters:
    ///   - remainder: Bytes after the last newline.
    ///   - name: How to call the stream in problems.
    package mutating func finish(remainder: Data, name: String) {
        if !remainder.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
            problems.append(RunProblem(
                .streamTruncated, "the event stream '\(name)' ends in the middle of a line (\(remainder.count) bytes): it was cut short",
                action: "Re-run the tests; if the file was copied from CI, copy it again after the job finished."
            ))
        }
        if let version, !version.hasPrefix(Self.supportedMajorVersion + ".") && version != Self.supportedMajorVersion {
            problems.append(RunProblem(
                .streamVersion, "the event stream '\(name)' has schema version \(version); this runner reads version 6.x",
                action: "Produce the stream with '--event-stream-version 6.3'."
            ))
        }
        problems += consistencyProblems(name: name)
        if lineCount == 0 {
            problems.append(RunProblem(
                .streamMissing, "the event stream '\(name)' is empty",
                action: "Check that 'swift test' built and ran (see its output)."
            ))
        } else if runEnded == nil {
            let running = functions.filter { $0.state == .running }.map { "'\($0.path)'" }
            let during = running.isEmpty ? ""
                : running.count == 1 ? " while \(running[0]) was running"
                : " while \(running.count) tests were running (\(running.prefix(3).joined(separator: ", "))\(running.count > 3 ? ", …" : ""))"
            problems.append(RunProblem(
                .runNotEnded, "the test run never ended\(during): the tests crashed, were killed, or the file is incomplete",
                action: "Read the output of 'swift test' for the crash, fix it, and run the check again."
            ))
        } else if functions.isEmpty {
            problems.append(RunProblem(
                .noTestsMatched, "the run ended without running any test: no test matched the filter",
                action: "Run the readiness criteria: a filter after '--' (or given to swift test) must select some of them, e.g. '--filter Readiness'."
            ))
        }
    }
}
