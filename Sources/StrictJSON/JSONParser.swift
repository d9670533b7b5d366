/// Reads JSON exactly as RFC 8259 defines it, refusing everything that lenient parsers accept and that would
/// silently change what a file means: duplicate keys, trailing commas, comments, a byte order mark, NaN and
/// Infinity, leading zeros, unescaped control characters, unpaired surrogates, numbers beyond a Double.
package enum JSONParser {
    /// Arrays and objects nest at most this deep, so hostile input cannot exhaust the stack of code that
    /// walks the tree (the parser itself keeps its open containers on the heap).
    package static let maximumDepth = 512

    /// Parses one JSON document; bounding its size is the caller's job.
    /// - Parameter bytes: UTF-8 text.
    /// - Returns: The top-level value, with the position of every value and key.
    /// - Throws: `JSONSyntaxError` at the first thing that is not strict JSON.
    package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var parser = DocumentParser(scanner: JSONScanner(bytes))
        return try parser.document()
    }
}

/// The parser's state: the scanner and the arrays and objects still open.
private struct DocumentParser {
    var scanner: JSONScanner
    private var open: [OpenContainer] = []

    init(scanner: JSONScanner) {
        self.scanner = scanner
    }

    mutating func document() throws(JSONSyntaxError) -> JSONNode {
        guard !scanner.startsWithByteOrderMark else {
            throw JSONSyntaxError(at: scanner.position, "the text starts with a byte order mark (U+FEFF)", fix: "save the file as UTF-8 without a byte order mark")
        }
        let root = try value()
        scanner.skipWhitespace()
        guard scanner.next == nil else {
            throw scanner.unexpected("the end of the input after the top-level value", fix: "remove it, or put all the values in one array")
        }
        return root
    }

    /// Reads one value. Containers go on `open` rather than the call stack, so depth costs no recursion.
    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        reading: while true {
            scanner.skipWhitespace()
            let start = scanner.position
            var node: JSONNode
            if let bracket = scanner.next, bracket == UInt8(ascii: "[") || bracket == UInt8(ascii: "{") {
                let isObject = bracket == UInt8(ascii: "{")
                guard open.count < JSONParser.maximumDepth else {
                    throw JSONSyntaxError(at: start, "arrays and objects nest deeper than \(JSONParser.maximumDepth) levels", fix: "flatten the document")
                }
                scanner.advance()
                scanner.skipWhitespace()
                if scanner.consume(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    node = JSONNode(isObject ? .object([]) : .array([]), at: start)
                } else {
                    open.append(OpenContainer(isObject: isObject, start: start))
                    if isObject { try readKey() }
                    continue reading
                }
            } else {
                node = try scalar()
            }
            // Hand the value to its container; every container that ends here becomes a value in turn.
            while !open.isEmpty {
                let last = open.count - 1
                open[last].add(node)
                if try readSeparator() {
                    if open[last].isObject { try readKey() }
                    continue reading
                }
                node = open.removeLast().node
            }
            return node
        }
    }

    /// After an element or member: `true` when a comma announces another, `false` when the container closes.
    private mutating func readSeparator() throws(JSONSyntaxError) -> Bool {
        let isObject = open[open.count - 1].isObject
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        scanner.skipWhitespace()
        let comma = scanner.position
        if scanner.consume(UInt8(ascii: ",")) {
            scanner.skipWhitespace()
            guard scanner.next != close else {
                throw JSONSyntaxError(at: comma, "trailing comma before '\(Character(Unicode.Scalar(close)))'", fix: "remove the comma")
            }
            return true
        }
        if scanner.consume(close) { return false }
        let after = isObject ? "the value of '\(open[open.count - 1].key)'" : "an array element"
        let kind = isObject ? "object" : "array"
        throw scanner.unexpected(
            "',' or '\(Character(Unicode.Scalar(close)))' after \(after)",
            fix: "add the missing ',' or close the \(kind) with '\(Character(Unicode.Scalar(close)))'")
    }

    /// Reads `"key":` for the innermost open object, refusing a key it already has.
    private mutating func readKey() throws(JSONSyntaxError) {
        scanner.skipWhitespace()
        let position = scanner.position
        guard scanner.next == UInt8(ascii: "\"") else {
            throw scanner.unexpected("a key in double quotes", fix: "write the key in double quotes")
        }
        let key = try scanner.string()
        let last = open.count - 1
        // Keys compare as Swift strings (canonical equivalence): the consumers look them up that way too.
        if let first = open[last].keys[key] {
            let path = JSONPath(open.dropLast().map(\.pathComponent))
            let place = path.isRoot ? "the top-level object" : path.description
            throw JSONSyntaxError(at: position, "duplicate key '\(key)' in \(place) (first at \(first))", fix: "remove one of them")
        }
        open[last].keys[key] = position
        open[last].key = key
        open[last].keyPosition = position
        scanner.skipWhitespace()
        guard scanner.consume(UInt8(ascii: ":")) else {
            throw scanner.unexpected("':' after the key '\(key)'", fix: "put ':' between the key and its value")
        }
    }

    /// Reads a string, number, `true`, `false` or `null`.
    private mutating func scalar() throws(JSONSyntaxError) -> JSONNode {
        let start = scanner.position
        let byte = scanner.next
        if byte == UInt8(ascii: "\"") {
            return JSONNode(.string(try scanner.string()), at: start)
        }
        if let byte, byte == UInt8(ascii: "-") || JSONScanner.isDigit(byte), scanner.word == nil {
            return JSONNode(.number(try scanner.number()), at: start)
        }
        if let word = scanner.word, let literal = Self.literals[word] {
            scanner.skip(word)
            return JSONNode(literal, at: start)
        }
        throw scanner.unexpected("a value", fix: Self.valueFix(word: scanner.word, byte: byte))
    }

    private static let literals: [String: JSONNode.Value] = ["true": .bool(true), "false": .bool(false), "null": .null]

    /// What to write instead of something that is not a value, for the mistakes other dialects allow.
    private static func valueFix(word: String?, byte: UInt8?) -> String {
        if word == "NaN" || word == "Infinity" || word == "-Infinity" { return "write a finite number or null (JSON has no NaN or Infinity)" }
        if word != nil { return "write true, false or null in lowercase, or text in double quotes" }
        if byte == UInt8(ascii: "'") { return "write strings in double quotes" }
        return "write a string in double quotes, a number, true, false, null, an array or an object"
    }
}

/// An array or object whose closing bracket is still to come.
private struct OpenContainer {
    let isObject: Bool
    let start: SourcePosition
    private var elements: [JSONNode] = []
    private var members: [JSONMember] = []
    /// Where each key of the object first appeared.
    var keys: [String: SourcePosition] = [:]
    /// The key whose value comes next.
    var key = ""
    var keyPosition = SourcePosition(line: 1, column: 1)

    init(isObject: Bool, start: SourcePosition) {
        self.isObject = isObject
        self.start = start
    }

    mutating func add(_ node: JSONNode) {
        if isObject {
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: node))
        } else {
            elements.append(node)
        }
    }

    /// Where the value being read sits inside this container.
    var pathComponent: JSONPath.Component { isObject ? .key(key) : .index(elements.count) }

    /// The finished container.
    var node: JSONNode { JSONNode(isObject ? .object(members) : .array(elements), at: start) }
}
