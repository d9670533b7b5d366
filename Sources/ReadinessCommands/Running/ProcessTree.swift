import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processes one process started, directly or not. `swift test` runs the test binary in a process group
/// of its own, so signalling `swift test`'s group alone would leave the tests running, orphaned.
enum ProcessTree {
    /// `pid` and its descendants.
    static func members(under pid: pid_t) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for (process, parent) in parents() { children[parent, default: []].append(process) }
        var tree = [pid], index = 0
        while index < tree.count {
            tree += children[tree[index]] ?? []
            index += 1
        }
        return tree
    }

    /// Every process with its parent: from /proc on Linux, from `ps` elsewhere.
    private static func parents() -> [(pid_t, pid_t)] {
        #if os(Linux)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let end = stat.lastIndex(of: ")") else { return nil }
            // "pid (comm) state ppid …": the command may hold spaces and parentheses, so read after the last ')'.
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            return fields.count > 1 ? pid_t(fields[1]).map { (pid, $0) } : nil
        }
        #else
        let ps = Process()
        ps.executableURL = URL(fileURLWithPath: "/bin/ps")
        ps.arguments = ["-A", "-o", "pid=", "-o", "ppid="]
        let pipe = Pipe()
        ps.standardOutput = pipe
        ps.standardError = FileHandle.nullDevice
        guard (try? ps.run()) != nil else { return [] }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        ps.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ").compactMap { pid_t($0) }
            return fields.count == 2 ? (fields[0], fields[1]) : nil
        }
        #endif
    }

    /// Sends `signal` to every process of `tree`, waits up to `grace` for them to end, then kills the rest.
    static func stop(_ tree: [pid_t], with signal: Int32, grace: Duration) {
        for pid in tree { kill(pid, signal) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, tree.contains(where: isRunning) {
            usleep(50_000)
        }
        for pid in tree where isRunning(pid) { kill(pid, SIGKILL) }
    }

    private static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0
    }
}
