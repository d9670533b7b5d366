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
    private let maximumDepth: Int

    private init(_ bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// Go's `maxNestingDepth`: deeper input is a syntax error there too ("exceeded max depth").
    static let goMaximumDepth = 10_000

    /// Scans the first value; what follows it is not looked at, as with Go's `json.Decoder`.
    /// Containers are tracked on a heap stack, not by recursion, so no nesting can overflow the thread's stack.
    /// - Parameter maximumDepth: Open arrays and objects allowed at once; one more fails as Go's does at 10,000.
    /// - Returns: The number of bytes the value occupies, leading whitespace included.
    /// - Throws: `Failure` with Go's text: "invalid character …", or "unexpected EOF" when the bytes end early.
    static func scanFirstValue(_ bytes: [UInt8], maximumDepth: Int = goMaximumDepth) throws -> Int {
        var scanner = GoJSONSyntax(bytes, maximumDepth: maximumDepth)
        try scanner.scan()
        return scanner.index
    }

    private enum Container { case object, array }

    private mutating func scan() throws {
        var open: [Container] = []
        while true {
            // At the start of a value: scalars end here, containers open (and may close at once when empty).
            skipWhitespace()
            let byte = try peek()
            var complete = true
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard open.count < maximumDepth else { throw invalid(byte, "exceeded max depth") }
                index += 1
                skipWhitespace()
                let isObject = byte == UInt8(ascii: "{")
                open.append(isObject ? .object : .array)
                if try peek() == UInt8(ascii: isObject ? "}" : "]") {
                    index += 1
                    open.removeLast()
                } else {
                    if isObject { try objectKey() }
                    complete = false
                }
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw invalid(byte, "looking for beginning of value")
            }
            guard complete else { continue }
            // After a value: close finished containers until one continues with a comma.
            while let container = open.last {
                skipWhitespace()
                let next = try peek()
                index += 1
                if next == UInt8(ascii: container == .object ? "}" : "]") {
                    open.removeLast()
                    continue
                }
                guard next == UInt8(ascii: ",") else {
                    let context = container == .object ? "after object key:value pair" : "after array element"
                    throw invalid(next, context, at: index - 1)
                }
                if container == .object { try objectKey() }
                break
            }
            if open.isEmpty { return }
        }
    }

    /// A key and its colon, leaving the index at the member's value.
    private mutating func objectKey() throws {
        skipWhitespace()
        let byte = try peek()
        guard byte == UInt8(ascii: "\"") else { throw invalid(byte, "looking for beginning of object key string") }
        try string()
        skipWhitespace()
        let colon = try peek()
        guard colon == UInt8(ascii: ":") else { throw invalid(colon, "after object key") }
        index += 1
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
