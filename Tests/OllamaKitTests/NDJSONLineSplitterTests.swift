import Foundation
import OllamaSimulator
import Testing
@testable import OllamaKit

@Suite("Splitting NDJSON as bytes arrive")
struct NDJSONLineSplitterTests {
    private static let transcript = Data((
        #"{"response":"The","done":false}"# + "\n" + #"{"response":" sky — ✓","done":false}"# + "\r\n\n"
            + #"{"response":"","done":true,"eval_count":3}"# + "\n"
    ).utf8)

    private static let expected = [
        #"{"response":"The","done":false}"#, #"{"response":" sky — ✓","done":false}"#,
        #"{"response":"","done":true,"eval_count":3}"#,
    ]

    @Test(arguments: 1...40)
    func `yields the same lines whatever the chunk boundaries`(seed: Int) {
        // Deterministic, so a failing seed can be replayed.
        var random = SeededRandom(seed: UInt64(seed))
        var splitter = NDJSONLineSplitter()
        var lines: [String] = []
        var offset = 0
        while offset < Self.transcript.count {
            let size = Int.random(in: 1...12, using: &random)
            let end = min(offset + size, Self.transcript.count)
            lines += splitter.append(Self.transcript[offset..<end]).map { String(decoding: $0, as: UTF8.self) }
            offset = end
        }
        #expect(splitter.finish() == nil)
        #expect(lines == Self.expected)
    }

    @Test func `returns a final line that has no newline only when finishing`() {
        var splitter = NDJSONLineSplitter()
        #expect(splitter.append(Data(#"{"a":1}"#.utf8 + [UInt8(ascii: "\n")] + #"{"b":"#.utf8)).map { String(decoding: $0, as: UTF8.self) } == [#"{"a":1}"#])
        #expect(splitter.append(Data("2}".utf8)).isEmpty)
        #expect(splitter.finish().map { String(decoding: $0, as: UTF8.self) } == #"{"b":2}"#)
        #expect(splitter.finish() == nil)
    }

    @Test func `skips blank and whitespace-only lines`() {
        var splitter = NDJSONLineSplitter()
        #expect(splitter.append(Data("\n \t\n\r\n".utf8)).isEmpty)
        #expect(splitter.finish() == nil)
    }
}
