import Foundation
import OllamaKit
import OllamaSimulator
import TestFixtures
import Testing
@testable import ReadinessKit
@testable import ReadinessReports

/// The fast path of the event-stream reader: whatever `PlainJSONScanner` reads, `JSONDecoder` reads the same way,
/// and every other line gets `JSONDecoder`'s verdict, so the reader accepts and refuses exactly what it did.
struct StreamRecordScanningTests {
    /// How one line fares: read by the scanner (nil when it is unsure), by JSONDecoder alone, and by the reader.
    static func read(_ line: [UInt8]) -> (plain: StreamRecord?, decoder: StreamRecord?, reader: StreamRecord?) {
        line.withUnsafeBytes { bytes in
            var scanner = PlainJSONScanner(bytes)
            return (try? scanner.record(), try? JSONDecoder().decode(StreamRecord.self, from: Data(line)), StreamRecord.decode(bytes))
        }
    }

    static let recordings = ["healthy", "phase1", "crash", "truncated", "critical-skipped", "warning-only", "unlisted-failure", "custom-critical"]

    /// The complete lines of a recording (not the unfinished last line of "truncated").
    static func lines(_ recording: String) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: StreamFixtures.events(recording)))
        return bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().filter { !$0.isEmpty }.map(Array.init)
    }

    @Test(arguments: recordings)
    func `every line swift test wrote is plain and reads as JSONDecoder reads it`(_ recording: String) throws {
        let lines = try Self.lines(recording)
        #expect(!lines.isEmpty)
        for (number, line) in lines.enumerated() {
            let (plain, decoder, reader) = Self.read(line)
            #expect(plain != nil, "line \(number + 1) of \(recording) was left to JSONDecoder")
            #expect(plain == decoder && reader == decoder, "line \(number + 1) of \(recording)")
        }
    }

    struct Line: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// Whether the scanner reads it itself.
        var plain: Bool
        /// Whether it is a stream record at all (JSONDecoder's verdict, which the reader keeps).
        var record: Bool
        var testDescription: String { name }

        init(_ name: String, _ text: String, plain: Bool, record: Bool) {
            self.init(name, Array(text.utf8), plain: plain, record: record)
        }

        init(_ name: String, _ bytes: [UInt8], plain: Bool, record: Bool) {
            (self.name, self.bytes, self.plain, self.record) = (name, bytes, plain, record)
        }
    }

    static let event = #""payload":{"kind":"testStarted","testID":"M.S\/f()","instant":{"absolute":1.5,"since1970":1795603687.9261184}},"version":"6.3.0""#

    @Test(arguments: [
        Line("a plain event", #"{"kind":"event",\#(event)}"#, plain: true, record: true),
        Line("whitespace around tokens and a CR", " {\t\"kind\" : \"event\" ,\(event) }\r", plain: true, record: true),
        Line("escapes other than \\u", #"{"kind":"ev\"\\\/\b\f\n\r\tent",\#(event)}"#, plain: true, record: true),
        Line("UTF-8 text", #"{"kind":"événement → 🚀",\#(event)}"#, plain: true, record: true),
        Line("unknown keys of every type", #"{"x":[1,-0,0.25,true,false,null,{"a":[]},{}],"kind":"event",\#(event)}"#, plain: true, record: true),
        Line("messages", #"{"kind":"event","payload":{"messages":[{"symbol":"fail","text":"Issue recorded","x":1},{"symbol":"details","text":"why"}]}}"#, plain: true, record: true),
        Line("an issue and an attachment", #"{"kind":"event","payload":{"issue":{"isFailure":false,"severity":"warning"},"attachment":{"path":"\/a"}}}"#, plain: true, record: true),
        Line("an integer instant", #"{"kind":"event","payload":{"instant":{"since1970":17}}}"#, plain: true, record: true),
        // What JSONDecoder accepts but the scanner leaves to it.
        Line("a byte order mark", [0xEF, 0xBB, 0xBF] + Array(#"{"kind":"event","payload":{}}"#.utf8), plain: false, record: true),
        Line("a key given twice", #"{"kind":"event","kind":"test","payload":{}}"#, plain: false, record: true),
        Line("an unknown key given twice, nested", #"{"kind":"event","payload":{"x":{"y":1,"y":2}}}"#, plain: false, record: true),
        Line("a trailing comma", #"{"kind":"event","payload":{},}"#, plain: false, record: true),
        Line("a leading zero", #"{"kind":"event","payload":{"x":01}}"#, plain: false, record: true),
        Line("an exponent", #"{"kind":"event","payload":{"instant":{"since1970":1.7e9}}}"#, plain: false, record: true),
        Line("a \\u escape", #"{"kind":"\u0065vent","payload":{}}"#, plain: false, record: true),
        Line("an escaped key", #"{"k\u0069nd":"event","payload":{}}"#, plain: false, record: true),
        Line("a lone surrogate in an unknown string", #"{"kind":"event","payload":{"x":"\ud800"}}"#, plain: false, record: true),
        Line("bad UTF-8 in an unknown string", Array(#"{"kind":"event","payload":{"x":""#.utf8) + [0xFF] + Array(#""}}"#.utf8), plain: false, record: true),
        Line("null for an optional field", #"{"kind":"event","version":null,"payload":{}}"#, plain: false, record: true),
        Line("deep nesting", #"{"kind":"event","payload":{"x":\#(String(repeating: "[", count: 40))\#(String(repeating: "]", count: 40))}}"#, plain: false, record: true),
        // What JSONDecoder refuses, so the reader reports the line.
        Line("not JSON", "not json", plain: false, record: false),
        Line("a line cut short", #"{"kind":"event","payload":{"kind":"runSt"#, plain: false, record: false),
        Line("no payload", #"{"kind":"event","version":"6.3.0"}"#, plain: false, record: false),
        Line("no kind", #"{"payload":{}}"#, plain: false, record: false),
        Line("a kind of another type", #"{"kind":1,"payload":{}}"#, plain: false, record: false),
        Line("a flag of another type", #"{"kind":"test","payload":{"isParameterized":"yes"}}"#, plain: false, record: false),
        Line("an instant without since1970", #"{"kind":"event","payload":{"instant":{"absolute":1}}}"#, plain: false, record: false),
        Line("a message without text", #"{"kind":"event","payload":{"messages":[{"symbol":"fail"}]}}"#, plain: false, record: false),
        Line("a message that is not an object", #"{"kind":"event","payload":{"messages":["fail"]}}"#, plain: false, record: false),
        Line("a control character in a string", "{\"kind\":\"ev\tent\",\"payload\":{}}", plain: false, record: false),
        Line("bad UTF-8 in a field", Array(#"{"kind":""#.utf8) + [0xC0, 0x80] + Array(#"","payload":{}}"#.utf8), plain: false, record: false),
        Line("text after the record", #"{"kind":"event","payload":{}} x"#, plain: false, record: false),
        Line("two records on a line", #"{"kind":"event","payload":{}}{"kind":"event","payload":{}}"#, plain: false, record: false),
        Line("an array", #"[{"kind":"event","payload":{}}]"#, plain: false, record: false),
        Line("NaN", #"{"kind":"event","payload":{"instant":{"since1970":NaN}}}"#, plain: false, record: false),
        Line("a number beyond a Double", #"{"kind":"event","payload":{"instant":{"since1970":1e999}}}"#, plain: false, record: false),
    ])
    func `odd lines are read by the scanner only when plain, and always get JSONDecoder's verdict`(_ row: Line) {
        let (plain, decoder, reader) = Self.read(row.bytes)
        #expect((plain != nil) == row.plain)
        #expect((decoder != nil) == row.record)
        #expect(reader == decoder)
        if let plain { #expect(plain == decoder) }
    }

    @Test func `a line JSONDecoder refuses is still reported by number`() {
        let lines = [#"{"kind":"event","payload":{"kind":"runStarted"},"version":"6.3.0"}"#, #"{"kind":"event","payload":{"kind":1},"version":"6.3.0"}"#]
        let evidence = RunEvidence.parse(Data((lines.joined(separator: "\n") + "\n").utf8), name: "x.jsonl")
        #expect(evidence.problems.first?.message == "line 2 of the event stream is not a Swift Testing event record")
        #expect(evidence.runStartedCount == 1)
    }

    @Test func `instants read to the same Double as JSONDecoder's, and those that may not fit a Double are left to it`() {
        for text in [String(repeating: "9", count: 309), "0." + String(repeating: "0", count: 330) + "1", "1" + String(repeating: "0", count: 32)] {
            let (plain, decoder, reader) = Self.read(Array(#"{"kind":"event","payload":{"instant":{"since1970":\#(text)}}}"#.utf8))
            #expect(plain == nil && reader == decoder, "\(text)")
        }
        var random = SeededRandom(seed: 17)
        for _ in 0..<2_000 {
            let value = Double.random(in: 0..<4_000_000_000, using: &random)
            let texts = [
                "\(value)", String(format: "%.9f", value), String(format: "%.3f", value), "\(Int(value))", "-\(value)",
                "\(UInt64.random(in: 0...UInt64.max, using: &random))", "0.\(UInt64.random(in: 0...UInt64.max, using: &random))\(UInt32.random(in: 0...UInt32.max, using: &random))",
            ]
            for text in texts where !text.contains("e") {
                let line = Array(#"{"kind":"event","payload":{"instant":{"since1970":\#(text)}}}"#.utf8)
                let (plain, decoder, _) = Self.read(line)
                #expect(plain != nil && plain?.payload.instant?.since1970.bitPattern == decoder?.payload.instant?.since1970.bitPattern, "\(text)")
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func `damaged lines get JSONDecoder's verdict and record`() throws {
        let lines = try Self.lines("phase1") + Self.lines("critical-skipped")
        // Bytes that change what a line means to a JSON reader, and some at random.
        let telling = Array(#"{}[]",:\/ue0-.1tn"#.utf8) + [0x00, 0x09, 0x0D, 0x1F, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
        var random = SeededRandom(seed: 20_261_125)
        var plainCount = 0
        for _ in 0..<4_000 {
            var line = lines[Int.random(in: 0..<lines.count, using: &random)]
            let at = Int.random(in: 0..<line.count, using: &random)
            let byte = Bool.random(using: &random) ? telling.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: line[at] = byte
            case 1: line.insert(byte, at: at)
            case 2: line.remove(at: at)
            default: line = Array(line.prefix(at))
            }
            let (plain, decoder, reader) = Self.read(line)
            #expect(reader == decoder, "\(String(decoding: line, as: UTF8.self))")
            if let plain {
                plainCount += 1
                #expect(plain == decoder, "\(String(decoding: line, as: UTF8.self))")
            }
        }
        // Most damage falls inside strings the reader checks but does not need, so the scanner still reads the line.
        #expect(plainCount > 1_000)
    }

    @Test(.timeLimit(.minutes(1)))
    func `random lines around the record's shape get JSONDecoder's verdict and record`() {
        var lines = RandomRecordLines(seed: 11)
        var plainCount = 0, recordCount = 0
        for _ in 0..<10_000 {
            let line = lines.next()
            let (plain, decoder, reader) = Self.read(line)
            #expect(reader == decoder, "\(String(decoding: line, as: UTF8.self))")
            if decoder != nil { recordCount += 1 }
            if let plain {
                plainCount += 1
                #expect(plain == decoder, "\(String(decoding: line, as: UTF8.self))")
            }
        }
        // Both paths are taken often: plain records, records left to JSONDecoder, and lines it refuses.
        #expect(plainCount > 1_000 && recordCount - plainCount > 500 && recordCount < 9_000)
    }
}

struct WholeStreamReadingTests {
    @Test(arguments: [
        "", "\n\n", "{\"kind\":\"event\",\"payload\":{\"kind\":\"runStarted\"}}", "\r\n \n{\"kind\":\"event\",\"payload\":{}}\r\n\n{\"kind\"",
        "x\n\n{\"kind\":\"test\",\"payload\":{\"id\":\"a\"}}\n{\"kind\":\"event\",\"payload\":{\"kind\":\"runEnded\"}}\n \r",
    ])
    func `reading a stream at once splits its lines as the line splitter does`(_ text: String) {
        var splitter = LineSplitter()
        var expected = RunEvidence()
        for line in splitter.append(Data(text.utf8)) { expected.consume(line: line) }
        expected.finish(remainder: splitter.remainder, name: "x.jsonl")
        #expect(RunEvidence.parse(Data(text.utf8), name: "x.jsonl") == expected)
    }
}
