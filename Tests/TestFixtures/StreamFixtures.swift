import Foundation
import ReadinessKit
import ReadinessReports

/// The recorded event streams of fixtures/event-streams and the reports built from them.
package enum StreamFixtures {
    /// fixtures/event-streams.
    package static let folder = DomainFixtures.root.appendingPathComponent("fixtures/event-streams")
    /// fixtures/mirador/readiness.json.
    package static let configFile = DomainFixtures.mirador.appendingPathComponent("readiness.json")
    /// The instant every test report claims to be generated at, so reports compare exactly.
    package static let generatedAt = Date(timeIntervalSince1970: 1_795_600_000)

    /// The Mirador config, as the runner loads it.
    package static func config() throws -> ReadinessConfig {
        try ReadinessConfig.load(from: configFile, environment: [:])
    }

    package static func events(_ name: String) -> URL { URL(fileURLWithPath: "\(name)/events.jsonl", relativeTo: folder) }
    package static func attachments(_ name: String) -> URL { folder.appendingPathComponent("\(name)/attachments") }

    /// The evidence of a recorded run.
    package static func evidence(_ name: String) -> RunEvidence { RunEvidence.read(from: events(name)) }

    /// The report of a recorded run against the Mirador config, as `readiness report` builds it.
    package static func report(_ name: String, gate: String = "phase2", config: ReadinessConfig? = nil) throws -> ReadinessReport {
        ReadinessReport.build(from: evidence(name), context: ReadinessReport.Context(
            config: try config ?? self.config(), gateName: gate, locator: AttachmentLocator(directories: [attachments(name)]),
            eventsPath: "\(name)/events.jsonl", configPath: "fixtures/mirador/readiness.json",
            generatedAt: generatedAt, toolVersion: "test"
        ))
    }

    /// The report of a run at `events` with its `attachments` folder, as `readiness report` builds it.
    package static func report(events: URL, attachments: URL, config: ReadinessConfig? = nil, gate: String = "phase2") throws -> ReadinessReport {
        ReadinessReport.build(from: RunEvidence.read(from: events), context: ReadinessReport.Context(
            config: try config ?? self.config(), gateName: gate, locator: AttachmentLocator(directories: [attachments]),
            generatedAt: generatedAt, toolVersion: "test"
        ))
    }

    /// Rewrites the lines of an event stream, to damage a copy.
    package static func editLines(of events: URL, _ change: ([String]) -> [String]) throws {
        let text = try String(contentsOf: events, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        try Data((change(lines).joined(separator: "\n") + "\n").utf8).write(to: events)
    }

    /// Rewrites an attachment's JSON text, to damage a copy.
    package static func editAttachment(_ name: String, in attachments: URL, _ change: (String) -> String) throws {
        let file = attachments.appendingPathComponent(name)
        try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
    }

    /// A copy of a recorded run in `folder`, so a test can damage it.
    package static func copy(_ name: String, into folder: URL) throws -> (events: URL, attachments: URL) {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.copyItem(at: self.folder.appendingPathComponent(name), to: target)
        return (target.appendingPathComponent("events.jsonl"), target.appendingPathComponent("attachments"))
    }
}
