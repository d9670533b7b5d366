/// A cursor over UTF-8 bytes that tracks its line and column and reads JSON's strings and numbers.
struct JSONScanner {
    private let bytes: [UInt8]
    private var index = 0
    /// Where the next byte is.
    private(set) var position = SourcePosition(line: 1, column: 1)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next byte, or `nil` at the end of the input.
    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The byte `offset` places after the next one, or `nil` past the end.
    private func peek(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// Whether the input starts with a UTF-8 byte order mark, which RFC 8259 forbids senders to add.
    var startsWithByteOrderMark: Bool { bytes.starts(with: [0xEF, 0xBB, 0xBF]) }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: "\n") {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes belong to the scalar whose lead byte was already counted.
            position.column += 1
        }
    }

    /// Consumes `byte` when it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        advance()
        return true
    }

    /// Skips JSON's four whitespace characters (and nothing else: no comments, no other spaces).
    mutating func skipWhitespace() {
        while let byte = next, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { advance() }
    }

    /// A bare word starting at the next byte, like `true`, `NaN` or `-Infinity`, else `nil`.
    var word: String? {
        var end = index
        if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
        guard end < bytes.count, Self.isLetter(bytes[end]) else { return nil }
        while end < bytes.count, Self.isLetter(bytes[end]) || Self.isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// Consumes the bare word `word` (the caller has checked it is next).
    mutating func skip(_ word: String) {
        for _ in word.utf8 { advance() }
    }

    // MARK: Errors

    /// How the next character reads in a message: "','", "'NaN'", "the control character U+0007".
    var found: String {
        guard let byte = next else { return "the end of the input" }
        if let word { return "'\(word)'" }
        switch byte {
        case UInt8(ascii: "'"):
            return #""'""#
        case 0x20...0x7E:
            return "'\(Character(Unicode.Scalar(byte)))'"
        case ..<0x20, 0x7F:
            return "the control character \(Self.codePoint(UInt32(byte)))"
        default:
            var iterator = bytes[index...].makeIterator()
            var decoder = UTF8()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                return "'\(Character(scalar))' (\(Self.codePoint(scalar.value)))"
            }
            return "the byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8"
        }
    }

    /// "expected X, found Y" at the next byte. The end of the input, and outside a string a comment, get
    /// their own fix, as they can happen anywhere.
    func unexpected(_ expected: String, fix: String, inString: Bool = false) -> JSONSyntaxError {
        var fix = fix
        if next == nil {
            fix = "complete the document: close every open string, array and object"
        } else if next == UInt8(ascii: "/"), !inString {
            fix = "remove the comment (JSON has no comments)"
        }
        return JSONSyntaxError(at: position, "expected \(expected), found \(found)", fix: fix)
    }

    // MARK: Strings

    /// Reads a string whose opening quote is next.
    mutating func string() throws(JSONSyntaxError) -> String {
        let start = position
        advance()
        var utf8: [UInt8] = []
        while true {
            guard let byte = next else {
                throw JSONSyntaxError(at: position, "the string that starts at \(start) is not closed", fix: "end it with '\"'")
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw JSONSyntaxError(at: start, "the string is not valid UTF-8", fix: "save the file as UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case ..<0x20:
                throw JSONSyntaxError(
                    at: position, "the control character \(Self.codePoint(UInt32(byte))) is inside a string",
                    fix: "write it as the escape \(Self.escapeName(byte))")
            default:
                utf8.append(byte)
                advance()
            }
        }
    }

    /// The escapes of one character after the backslash, and the byte each stands for.
    private static let shortEscapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): UInt8(ascii: "\""), UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
        UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
    ]

    /// Reads the escape whose backslash is next and appends what it stands for.
    private mutating func escape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        let start = position
        advance()
        if let byte = next, let unescaped = Self.shortEscapes[byte] {
            advance()
            utf8.append(unescaped)
            return
        }
        guard consume(UInt8(ascii: "u")) else {
            throw unexpected(#"an escape (\" \\ \/ \b \f \n \r \t or \uXXXX) after '\'"#, fix: #"write a backslash as \\"#, inString: true)
        }
        let unit = try hexUnit()
        var scalar = unit
        switch unit {
        case 0xD800...0xDBFF:
            // UTF-16 writes a scalar above U+FFFF as a high and a low surrogate; JSON escapes both halves.
            guard next == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") else { throw Self.unpairedHigh(unit, at: start) }
            advance()
            advance()
            let low = try hexUnit()
            guard (0xDC00...0xDFFF).contains(low) else { throw Self.unpairedHigh(unit, at: start) }
            scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(
                at: start, "\\u\(Self.hex(unit)) is an unpaired low surrogate",
                fix: "put its high surrogate (\\uD800 to \\uDBFF) before it or remove it")
        default:
            break
        }
        // Surrogates are excluded above, so every remaining value is a valid scalar.
        UTF8.encode(Unicode.Scalar(scalar)!) { utf8.append($0) }
    }

    private static func unpairedHigh(_ unit: UInt32, at position: SourcePosition) -> JSONSyntaxError {
        JSONSyntaxError(
            at: position, "\\u\(hex(unit)) is an unpaired high surrogate",
            fix: "follow it with its low surrogate (\\uDC00 to \\uDFFF) or remove it")
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func hexUnit() throws(JSONSyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next, let digit = Self.hexValue(byte) else {
                throw unexpected("four hex digits after \\u", fix: "write the code point as \\u followed by four hex digits, e.g. \\u00E9", inString: true)
            }
            advance()
            unit = unit << 4 | digit
        }
        return unit
    }

    // MARK: Numbers

    /// Reads a number whose '-' or first digit is next.
    mutating func number() throws(JSONSyntaxError) -> JSONNumber {
        let start = position, first = index
        _ = consume(UInt8(ascii: "-"))
        guard let lead = next, Self.isDigit(lead) else {
            throw unexpected("a digit", fix: "write the number's digits after '-'")
        }
        advance()
        if lead == UInt8(ascii: "0"), let following = next, Self.isDigit(following) {
            skipDigits()
            throw JSONSyntaxError(
                at: start, "the number \(String(decoding: bytes[first..<index], as: UTF8.self)) has a leading zero",
                fix: "remove the leading zero (JSON has no octal numbers)")
        }
        skipDigits()
        if consume(UInt8(ascii: ".")) {
            guard let digit = next, Self.isDigit(digit) else {
                throw unexpected("a digit after the decimal point", fix: "write at least one digit after '.', e.g. 1.0")
            }
            skipDigits()
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            advance()
            if !consume(UInt8(ascii: "+")) { _ = consume(UInt8(ascii: "-")) }
            guard let digit = next, Self.isDigit(digit) else {
                throw unexpected("a digit in the exponent", fix: "write the exponent's digits, e.g. 1e3")
            }
            skipDigits()
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        // Swift reads an out-of-range literal as infinity, which JSON cannot express.
        guard let double = Double(text), double.isFinite else {
            throw JSONSyntaxError(at: start, "the number \(text) is beyond the range of a 64-bit float", fix: "use a number whose magnitude is below 1.7e308")
        }
        return JSONNumber(text: text, double: double)
    }

    private mutating func skipDigits() {
        while let byte = next, Self.isDigit(byte) { advance() }
    }

    // MARK: Characters

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Four or more uppercase hex digits: "00E9", "1F600".
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// "U+000A".
    private static func codePoint(_ value: UInt32) -> String { "U+\(hex(value))" }

    /// The escape that writes a control character: "\n", or "\u0007" where JSON has no short form.
    private static func escapeName(_ byte: UInt8) -> String {
        switch byte {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: "\\u\(hex(UInt32(byte)))"
        }
    }
}
