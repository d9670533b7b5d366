import Foundation
import Synchronization
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// A suite run replayed from fixtures/event-streams: writes the recorded stream in chunks (so progress sees a
/// growing file), copies the attachments, and exits as the recorded `swift test` did. Never spawns `swift test`.
final class RecordedRun: SuiteRunning {
    let fixture: String
    let status: Int32
    private let requests = Mutex<[SuiteRunRequest]>([])

    init(_ fixture: String, status: Int32) {
        self.fixture = fixture
        self.status = status
    }

    /// The requests the runner made.
    var received: [SuiteRunRequest] { requests.withLock { $0 } }

    func run(_ request: SuiteRunRequest) async throws -> SuiteRunOutcome {
        requests.withLock { $0.append(request) }
        let source = StreamFixtures.folder.appendingPathComponent(fixture)
        let log = source.appendingPathComponent("swift-test.log")
        try (FileManager.default.contents(atPath: log.path) ?? Data("recorded run\n".utf8)).write(to: request.logFile)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent("attachments").path)) ?? [] {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent("attachments/\(file)"), to: request.attachmentsDirectory.appendingPathComponent(file)
            )
        }
        guard let events = FileManager.default.contents(atPath: source.appendingPathComponent("events.jsonl").path) else {
            return SuiteRunOutcome(status: status)
        }
        _ = FileManager.default.createFile(atPath: request.eventsFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: request.eventsFile)
        defer { try? handle.close() }
        var offset = 0
        while offset < events.count {
            let end = min(events.count, offset + 4096)
            try handle.write(contentsOf: events[offset..<end])
            offset = end
            try await Task.sleep(for: .milliseconds(2))
        }
        return SuiteRunOutcome(status: status)
    }
}

/// Console output collected from the runner.
final class CapturedOutput: Sendable {
    private let text = Mutex("")
    var value: String { text.withLock { $0 } }
    func append(_ more: String) { text.withLock { $0 += more } }
}
