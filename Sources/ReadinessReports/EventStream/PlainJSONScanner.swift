import ReadinessKit
import Foundation

/// Reads one line of JSON in place, without building JSON objects, when it is plain: strict RFC 8259 with keys of
/// printable ASCII, no key twice in an object, no `\u` escape, valid UTF-8, numbers without an exponent and
/// at most `maximumDepth` levels. That is how `swift test` writes its event stream.
///
/// Everything plain is JSON that `JSONDecoder` reads the same way, so the caller can leave whatever this scanner
/// is `Unsure` of to `JSONDecoder` and keep its verdict on every line (`StreamRecord+Scanning.swift` does).
struct PlainJSONScanner {
    /// The line is not plain; let `JSONDecoder` decide.
    struct Unsure: Error {}

    /// Arrays and objects nest at most this deep.
    static let maximumDepth = 32

    private let bytes: UnsafeRawBufferPointer
    private var index = 0
    private var depth = 0
    /// The keys of the objects still open, innermost last, to find a key given twice.
    private var keys: [Range<Int>] = []

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Reads an object, calling `member` with each key's bytes while the scanner stands before its value.
    mutating func object(_ member: (inout Self, Range<Int>) throws(Unsure) -> Void) throws(Unsure) {
        try open(UInt8(ascii: "{"))
        let mark = keys.count
        defer { keys.removeSubrange(mark...) }
        if consume(UInt8(ascii: "}")) { return close() }
        repeat {
            let key = try key()
            for earlier in keys[mark...] where same(earlier, key) { throw Unsure() }
            keys.append(key)
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
        } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
        close()
    }

    /// Reads an array, calling `element` while the scanner stands before each element.
    mutating func array(_ element: (inout Self) throws(Unsure) -> Void) throws(Unsure) {
        try open(UInt8(ascii: "["))
        if consume(UInt8(ascii: "]")) { return close() }
        repeat { try element(&self) } while consume(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        close()
    }

    /// Whether `key` (from `object`) is `name`.
    func isKey(_ key: Range<Int>, _ name: StaticString) -> Bool {
        key.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress! + key.lowerBound, name.utf8Start, key.count) == 0
    }

    /// Reads a string, escapes resolved.
    mutating func string() throws(Unsure) -> String {
        let (content, escaped) = try stringContent()
        let raw = UnsafeRawBufferPointer(rebasing: bytes[content])
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var text: [UInt8] = []
        text.reserveCapacity(raw.count)
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "\\"), let escape = iterator.next() else {
                text.append(byte)
                continue
            }
            text.append(Self.simpleEscapes[Int(escape)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Reads `true` or `false`.
    mutating func bool() throws(Unsure) -> Bool {
        if literal("true") { return true }
        if literal("false") { return false }
        throw Unsure()
    }

    /// Reads a number of at most 32 characters as a `Double`: a longer one may overflow or underflow, which
    /// `JSONDecoder` refuses and `Double(_:)` does not.
    mutating func double() throws(Unsure) -> Double {
        let text = try number()
        guard text.count <= 32, let value = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[text]), as: UTF8.self)) else { throw Unsure() }
        return value
    }

    /// Reads any value, only checking it.
    mutating func skipValue() throws(Unsure) {
        skipWhitespace()
        guard index < bytes.count else { throw Unsure() }
        switch bytes[index] {
        case UInt8(ascii: "\""): _ = try stringContent()
        case UInt8(ascii: "{"): try object { scanner, _ throws(Unsure) in try scanner.skipValue() }
        case UInt8(ascii: "["): try array { scanner throws(Unsure) in try scanner.skipValue() }
        case UInt8(ascii: "t"), UInt8(ascii: "f"): _ = try bool()
        case UInt8(ascii: "n"): guard literal("null") else { throw Unsure() }
        default: _ = try number()
        }
    }

    /// Checks that nothing but whitespace is left.
    mutating func end() throws(Unsure) {
        skipWhitespace()
        guard index == bytes.count else { throw Unsure() }
    }

    // MARK: Tokens

    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            index += 1
        }
    }

    /// Consumes `byte` (after whitespace) when it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func expect(_ byte: UInt8) throws(Unsure) {
        guard consume(byte) else { throw Unsure() }
    }

    private mutating func open(_ bracket: UInt8) throws(Unsure) {
        try expect(bracket)
        depth += 1
        guard depth <= Self.maximumDepth else { throw Unsure() }
    }

    private mutating func close() { depth -= 1 }

    /// Consumes `word` when it is next.
    private mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let end = index + word.utf8CodeUnitCount
        guard end <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, word.utf8CodeUnitCount) == 0 else { return false }
        index = end
        return true
    }

    /// A key's bytes: printable ASCII without escapes, so that equal keys are equal bytes.
    private mutating func key() throws(Unsure) -> Range<Int> {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            guard (0x20...0x7E).contains(bytes[index]), bytes[index] != UInt8(ascii: "\\") else { throw Unsure() }
            index += 1
        }
        guard index < bytes.count else { throw Unsure() }
        index += 1
        return start..<index - 1
    }

    /// A string's bytes between its quotes, checked, and whether they hold an escape.
    private mutating func stringContent() throws(Unsure) -> (Range<Int>, escaped: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = index
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return (start..<index - 1, escaped)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, Self.simpleEscapes[Int(bytes[index + 1])] != 0 else { throw Unsure() }
                escaped = true
                index += 2
            case 0x20..<0x80: index += 1
            case ..<0x20: throw Unsure()
            default: index += try utf8Length(at: index)
            }
        }
        throw Unsure()
    }

    /// What `\x` stands for, by the byte x; 0 for the escapes this scanner leaves to `JSONDecoder` (`\u`) or that are not JSON.
    private static let simpleEscapes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(byte)
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: 0
        }
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes at `start` (Unicode table 3-7).
    private func utf8Length(at start: Int) throws(Unsure) -> Int {
        let lead = bytes[start]
        let (length, second): (Int, ClosedRange<UInt8>) = switch lead {
        case 0xC2...0xDF: (2, 0x80...0xBF)
        case 0xE0: (3, 0xA0...0xBF)
        case 0xED: (3, 0x80...0x9F)
        case 0xE1...0xEF: (3, 0x80...0xBF)
        case 0xF0: (4, 0x90...0xBF)
        case 0xF1...0xF3: (4, 0x80...0xBF)
        case 0xF4: (4, 0x80...0x8F)
        default: throw Unsure()
        }
        guard start + length <= bytes.count, second.contains(bytes[start + 1]) else { throw Unsure() }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) { throw Unsure() }
        return length
    }

    /// A number's bytes, written `-?(0|[1-9][0-9]*)(.[0-9]+)?`; an exponent is left to `JSONDecoder`.
    private mutating func number() throws(Unsure) -> Range<Int> {
        skipWhitespace()
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw Unsure() }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard digits() > 0 else { throw Unsure() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw Unsure() }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") { throw Unsure() }
        return start..<index
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        return index - start
    }

    private func same(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        first.count == second.count && memcmp(bytes.baseAddress! + first.lowerBound, bytes.baseAddress! + second.lowerBound, first.count) == 0
    }
}
