/// Checks the first JSON value of some bytes the way Go's `encoding/json` scanner does, so a malformed body
/// gets the same error text from the simulator as from Ollama (e.g. "invalid character '}' after object key").
struct GoJSONSyntax {
    /// A syntax error with Go's message and the byte offset where it was found.
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Scans the first value; what follows it is not looked at, as with Go's `json.Decoder`.
    /// - Returns: The number of bytes the value occupies, leading whitespace included.
    /// - Throws: `Failure` with Go's text: "invalid character …", or "unexpected EOF" when the bytes end early.
    static func scanFirstValue(_ bytes: [UInt8]) throws -> Int {
        var scanner = GoJSONSyntax(bytes)
        try scanner.value(context: "looking for beginning of value")
        return scanner.index
    }

    private mutating func value(context: String) throws {
        skipWhitespace()
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw invalid(byte, context)
        }
    }

    private mutating func object() throws {
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            skipWhitespace()
            let byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw invalid(byte, "looking for beginning of object key string") }
            try string()
            skipWhitespace()
            let colon = try peek()
            guard colon == UInt8(ascii: ":") else { throw invalid(colon, "after object key") }
            index += 1
            try value(context: "looking for beginning of value")
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "}") { return }
            guard next == UInt8(ascii: ",") else { throw invalid(next, "after object key:value pair", at: index - 1) }
        }
    }

    private mutating func array() throws {
        index += 1
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try value(context: "looking for beginning of value")
            skipWhitespace()
            let next = try peek()
            index += 1
            if next == UInt8(ascii: "]") { return }
            guard next == UInt8(ascii: ",") else { throw invalid(next, "after array element", at: index - 1) }
        }
    }

    private mutating func string() throws {
        index += 1
        while true {
            let byte = try peek()
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                let escape = try peek()
                index += 1
                if escape == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        let digit = try peek()
                        guard Self.isHexDigit(digit) else { throw invalid(digit, "in \\u hexadecimal character escape") }
                        index += 1
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(escape) {
                    throw invalid(escape, "in string escape code", at: index - 1)
                }
            case 0..<0x20:
                throw invalid(byte, "in string literal", at: index - 1)
            default:
                continue
            }
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            let byte = try peek()
            guard byte == expected else {
                throw invalid(byte, "in literal \(word) (expecting \(Self.quoted(expected)))")
            }
            index += 1
        }
    }

    private mutating func number() throws {
        if try peek() == UInt8(ascii: "-") {
            index += 1
            let byte = try peek()
            guard Self.isDigit(byte) else { throw invalid(byte, "in numeric literal") }
        }
        if try peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let byte = try peek()
            guard Self.isDigit(byte) else { throw invalid(byte, "after decimal point in numeric literal") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if try peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            let byte = try peek()
            guard Self.isDigit(byte) else { throw invalid(byte, "in exponent of numeric literal") }
            skipDigits()
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private func peek() throws -> UInt8 {
        guard index < bytes.count else { throw Failure(message: "unexpected EOF", offset: index) }
        return bytes[index]
    }

    private func invalid(_ byte: UInt8, _ context: String, at offset: Int? = nil) -> Failure {
        Failure(message: "invalid character \(Self.quoted(byte)) \(context)", offset: offset ?? index)
    }

    /// Go's `quoteChar`: 'x', with `'\''`, `'"'` and escapes for control characters.
    private static func quoted(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0..<0x20, 0x7F...: return "'\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16) + "'"
        default: return "'\(Character(Unicode.Scalar(byte)))'"
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}
