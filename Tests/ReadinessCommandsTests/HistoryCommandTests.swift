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
            let files = StateFiles.beside(config)
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

    @Test func `history ends with the before/after table of each change, and repeats no unchanged figures`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let config = try GateStepTests.config(in: folder, backups: [])
            let files = StateFiles.beside(config)
            let model = "louisville_expert_v3"
            let before = ["quality": 0.8, "latency_avg_s": 2.0, "latency_p95_s": 3.0, "success_rate": 1.0]
            let after = ["quality": 0.9, "latency_avg_s": 1.0, "latency_p95_s": 3.3, "success_rate": 1.0]
            for entry in [
                HistoryEntry(time: "2026-11-25T09:00:00Z", command: "check", outcome: "ready", metrics: [model: before], toolVersion: "0.2.0", changes: ["READY"]),
                HistoryEntry(time: "2026-11-25T09:01:00Z", command: "migrate next", outcome: "ok", metrics: [model: before], toolVersion: "0.2.0", changes: ["step 2 (\(model)) gated"]),
                HistoryEntry(time: "2026-11-25T10:00:00Z", command: "migrate done", outcome: "ok", metrics: [model: after], baseline: [model: before], toolVersion: "0.2.0", changes: ["step 2 (\(model)) migrated"]),
            ] {
                try HistoryLog.append(entry, to: files.history)
            }
            let result = await ReadinessCLITests.run(["history", "--config", config.path, "--model", model], in: folder)
            #expect(result.status == .success)
            #expect(result.out == """
                2026-11-25T09:00:00Z  check  ready  (readiness 0.2.0)
                  READY
                  louisville_expert_v3: success_rate 1, quality 0.8, latency_avg_s 2, latency_p95_s 3
                2026-11-25T09:01:00Z  migrate next  ok  (readiness 0.2.0)
                  step 2 (louisville_expert_v3) gated
                2026-11-25T10:00:00Z  migrate done  ok  (readiness 0.2.0)
                  step 2 (louisville_expert_v3) migrated
                  louisville_expert_v3: success_rate 1 → 1 (+0), quality 0.8 → 0.9 (+0.1), latency_avg_s 2 → 1 (-1), latency_p95_s 3 → 3.3 (+0.3)

                Before/after per change (before → after):
                TIME                  CHANGE           MODEL                 SUCCESS  QUALITY    AVG S         P95 S
                2026-11-25T10:00:00Z  migrate done ok  louisville_expert_v3  1 → 1    0.8 → 0.9  2 → 1 (-50%)  3 → 3.3 (+10%)

                """)
        }
    }
}
