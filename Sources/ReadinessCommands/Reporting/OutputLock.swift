import Foundation
import ReadinessKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps two runs from writing one output folder at once: `<out>/.lock`, created with O_EXCL, names the pid and
/// start time of the run that owns the folder. Two checks into one --out would delete each other's `run/` and
/// publish reports of mixed evidence.
struct OutputLock {
    static let fileName = ".lock"

    /// Why the folder could not be taken, as the user reads it.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    /// The owner a lock file names.
    struct Holder: Equatable {
        var pid: pid_t
        var since: String

        var text: String { "pid \(pid)\nsince \(since)\n" }

        init(pid: pid_t, since: String) {
            self.pid = pid
            self.since = since
        }

        /// Reads a lock file's text; `nil` when it names no process (e.g. its writer died before writing it).
        init?(_ text: String) {
            let lines = text.split(separator: "\n")
            guard lines.count == 2, lines[0].hasPrefix("pid "), lines[1].hasPrefix("since "),
                  let pid = pid_t(lines[0].dropFirst(4)), pid > 0 else { return nil }
            self.init(pid: pid, since: String(lines[1].dropFirst(6)))
        }

        /// Whether the process still exists (EPERM: it does, but belongs to someone else).
        var isAlive: Bool { kill(pid, 0) == 0 || errno == EPERM }
    }

    let file: URL

    /// Takes `out`'s lock, creating the folder; a lock whose process is gone is taken over with a note on stderr.
    /// - Throws: `Refusal` when another live run holds it, the lock names no process, or the folder is unusable.
    static func acquire(_ out: String, context: RunnerContext) throws -> OutputLock {
        let folder = context.url(out, isDirectory: true)
        let file = folder.appendingPathComponent(fileName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Refusal(description: "could not create '\(out)': \((error as NSError).localizedDescription). Check that --out is writable.")
        }
        let mine = Holder(pid: getpid(), since: Timestamp.iso8601(context.now()))
        // Two attempts: the second follows the removal of a stale lock.
        for _ in 0..<2 {
            let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                let bytes = Array(mine.text.utf8)
                let written = write(descriptor, bytes, bytes.count)
                close(descriptor)
                guard written == bytes.count else {
                    unlink(file.path)
                    throw Refusal(description: "could not write '\(out)/\(fileName)'. Check that --out is writable.")
                }
                return OutputLock(file: file)
            }
            guard errno == EEXIST else {
                throw Refusal(description: "could not create '\(out)/\(fileName)': \(String(cString: strerror(errno))). Check that --out is writable.")
            }
            let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
            guard let holder = Holder(text) else {
                throw Refusal(description: "'\(out)/\(fileName)' exists but names no process; remove it if no readiness run uses '\(out)'")
            }
            if holder.isAlive {
                throw Refusal(description: "'\(out)' is in use by readiness (pid \(holder.pid)) since \(holder.since); wait for it or use another --out")
            }
            // Removed only if it is still the stale lock just read, so a lock another run took meanwhile stays.
            guard (try? String(contentsOf: file, encoding: .utf8)) == text, unlink(file.path) == 0 || errno == ENOENT else { continue }
            context.errorOutput(UntrustedText.consoleLine("Note: took over the lock of '\(out)' from readiness (pid \(holder.pid)) since \(holder.since), which is no longer running.") + "\n")
        }
        throw Refusal(description: "'\(out)' is in use by another readiness run; wait for it or use another --out")
    }

    /// Gives the folder back.
    func release() {
        unlink(file.path)
    }

    /// Runs `body` holding `out`'s lock and releases it on every way out of `body`; a refusal is an error and exit 2.
    static func holding(_ out: String, context: RunnerContext, _ body: () async -> ExitCode) async -> ExitCode {
        let lock: OutputLock
        do {
            lock = try acquire(out, context: context)
        } catch {
            context.error("\(error)")
            return .undecided
        }
        defer { lock.release() }
        return await body()
    }
}
