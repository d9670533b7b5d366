import Foundation
import OllamaSimulator
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// The event-stream reader against damaged copies of a recorded READY run: it never crashes, and a stream cut
/// short or stripped of its end is never READY. Seeded, so a failing case can be replayed.
struct EventStreamFuzzTests {
    static let healthy = (try? Data(contentsOf: StreamFixtures.events("healthy"))) ?? Data()

    /// One damaged copy: a byte flipped, a line dropped or repeated, two lines swapped, or the stream cut.
    static func damage(_ data: Data, _ random: inout SeededRandom) -> (data: Data, cut: Bool) {
        var lines = [UInt8](data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        let line = Int.random(in: 0..<max(1, lines.count - 1), using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            var bytes = [UInt8](data)
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            return (Data(bytes), false)
        case 1: lines.remove(at: line)
        case 2: lines.insert(lines[line], at: line)
        case 3: lines.swapAt(line, Int.random(in: 0..<max(1, lines.count - 1), using: &random))
        default:
            return (data.prefix(Int.random(in: 0..<max(1, data.count - 2), using: &random)), true)
        }
        return (Data(lines.joined(separator: Data("\n".utf8))), false)
    }

    @Test(.timeLimit(.minutes(1)))
    func `damaged streams never crash the reader, and a stream cut short is never READY`() throws {
        #expect(!Self.healthy.isEmpty)
        let config = try StreamFixtures.config()
        var random = SeededRandom(seed: 20_261_125)
        for index in 0..<200 {
            let (damaged, cut) = Self.damage(Self.healthy, &random)
            let report = ReadinessReport.build(from: RunEvidence.parse(damaged, name: "fuzz.jsonl"), context: .init(
                config: config, gateName: "phase2", locator: AttachmentLocator(directories: [StreamFixtures.attachments("healthy")]),
                generatedAt: StreamFixtures.generatedAt, toolVersion: "test"
            ))
            if cut { #expect(report.verdict != .ready, "case \(index): a stream cut at \(damaged.count) bytes") }
        }
    }
}
