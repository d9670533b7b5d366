import FleetKit
import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

struct HistoryCommandTests {
    static func entry(_ time: String, _ command: String, quality: Double?) -> HistoryEntry {
        HistoryEntry(
            time: time, command: command, outcome: "ok", metrics: quality.map { ["louisville_expert_v3": ["quality": $0]] },
            toolVersion: "0.2.0", ollamaVersion: "0.12.6", changes: ["\(command) louisville_expert_v3"])
    }

    @Test func `history prints entries with deltas, filters, and skips a truncated last line`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: [])
            let files = StateFiles(config: config)
            try HistoryLog.append(Self.entry("2026-11-25T09:00:00Z", "migrate next", quality: 0.8), to: files.history)
            try HistoryLog.append(Self.entry("2026-11-25T10:00:00Z", "backup", quality: nil), to: files.history)
            try HistoryLog.append(Self.entry("2026-11-25T11:00:00Z", "migrate done", quality: 0.85), to: files.history)
            // A crash in the middle of a write: the last line has no end.
            let handle = try FileHandle(forWritingTo: files.history)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{\"time\":\"2026-11-25T12:00".utf8))
            try handle.close()

            let all = await ReadinessCLITests.run(["history", "--config", config.path], in: folder)
            #expect(all.status == .success)
            #expect(all.out == """
                2026-11-25T09:00:00Z  migrate next  ok  (readiness 0.2.0, Ollama 0.12.6)
                  migrate next louisville_expert_v3
                  louisville_expert_v3: quality 0.8
                2026-11-25T10:00:00Z  backup  ok  (readiness 0.2.0, Ollama 0.12.6)
                  backup louisville_expert_v3
                2026-11-25T11:00:00Z  migrate done  ok  (readiness 0.2.0, Ollama 0.12.6)
                  migrate done louisville_expert_v3
                  louisville_expert_v3: quality 0.8 → 0.85 (+0.05)

                """)
            #expect(all.err == "Warning: line 4 of history.jsonl is truncated (an interrupted write); skipped\n")
            let since = await ReadinessCLITests.run(["history", "--config", config.path, "--since", "2026-11-25T10:30:00Z"], in: folder)
            #expect(since.out.hasPrefix("2026-11-25T11:00:00Z  migrate done"))
            #expect(since.out.contains("quality 0.8 → 0.85"))
            let other = await ReadinessCLITests.run(["history", "--config", config.path, "--model", "decision_simplifier_v2"], in: folder)
            #expect(other.out.hasPrefix("No history entries match in "))
            // The next append still lands on a line of its own after the truncated one.
            try HistoryLog.append(Self.entry("2026-11-25T13:00:00Z", "rollback", quality: nil), to: files.history)
            let contents = HistoryLog.read(files.history)
            #expect(contents.entries.map(\.command) == ["migrate next", "backup", "migrate done", "rollback"])
            #expect(contents.skipped == ["line 4 of history.jsonl is not a history entry; skipped"])
        }
    }
}
