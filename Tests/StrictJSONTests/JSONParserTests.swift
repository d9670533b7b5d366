import Testing
import StrictJSON

@Suite struct JSONParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        /// For a valid document, its tree in compact form; for a refused one, the error's description.
        var expected: String
        var testDescription: String { name }

        init(_ name: String, _ json: String, _ expected: String) {
            self.init(name, bytes: Array(json.utf8), expected)
        }

        init(_ name: String, bytes: [UInt8], _ expected: String) {
            self.name = name
            self.bytes = bytes
            self.expected = expected
        }
    }

    /// The tree in one line: keys in document order, numbers as written, strings as Swift literals.
    static func compact(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): number.text
        case .string(let text): text.debugDescription
        case .array(let elements): "[" + elements.map(compact).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { $0.key.debugDescription + ":" + compact($0.value) }.joined(separator: ",") + "}"
        }
    }

    static let valid: [Case] = [
        Case("scalars", #"[true, false, null, "s", 0, -0, 1.5, -2e3, 1E+2, 0.5e-3]"#,
             #"[true,false,null,"s",0,-0,1.5,-2e3,1E+2,0.5e-3]"#),
        Case("nested containers", #"{"a": {"b": [[], {}, [1, [2]]]}, "c": ""}"#, #"{"a":{"b":[[],{},[1,[2]]]},"c":""}"#),
        Case("the four whitespace characters", " \t\r\n{ \"a\" :\n1 }\n", #"{"a":1}"#),
        Case("a top-level scalar", " 42 ", "42"),
        Case("short escapes", #"["\"\\\/\b\f\n\r\t"]"#, #"["\"\\/\u{08}\u{0C}\n\r\t"]"#),
        Case("unicode escapes in either case", #"["\u00e9\u00C9 \u4e2d", "\u0000"]"#, #"["éÉ 中","\0"]"#),
        Case("a surrogate pair", #"["\ud83d\ude00", "😀"]"#, #"["😀","😀"]"#),
        Case("raw UTF-8 in keys and values", #"{"clé": "naïve ☕"}"#, #"{"clé":"naïve ☕"}"#),
        Case("big integers as written", "[9223372036854775807, -9223372036854775808, 123456789012345678901234567890]",
             "[9223372036854775807,-9223372036854775808,123456789012345678901234567890]"),
        Case("keys that differ only in case", #"{"a": 1, "A": 2}"#, #"{"a":1,"A":2}"#),
    ]

    @Test("Valid documents parse", arguments: valid)
    func parses(_ row: Case) throws {
        #expect(Self.compact(try JSONParser.parse(row.bytes)) == row.expected)
    }

    static let refused: [Case] = [
        Case("duplicate top-level key", #"{"a": 1, "a": 2}"#,
             "line 1, column 10: duplicate key 'a' in the top-level object (first at line 1, column 2); remove one of them"),
        Case("duplicate nested key", "{\"models\": [{\"name\": \"m\", \"critical\": true,\n  \"critical\": false}]}",
             "line 2, column 3: duplicate key 'critical' in models[0] (first at line 1, column 27); remove one of them"),
        Case("duplicate key spelt with an escape", #"{"a": 1, "\u0061": 2}"#,
             "line 1, column 10: duplicate key 'a' in the top-level object (first at line 1, column 2); remove one of them"),
        Case("trailing comma in an array", "[1, 2,]", "line 1, column 6: trailing comma before ']'; remove the comma"),
        Case("trailing comma in an object", "{\"a\": 1,\n}", "line 1, column 8: trailing comma before '}'; remove the comma"),
        Case("byte order mark", "\u{FEFF}{}",
             "line 1, column 1: the text starts with a byte order mark (U+FEFF); save the file as UTF-8 without a byte order mark"),
        Case("NaN", "[NaN]", "line 1, column 2: expected a value, found 'NaN'; write a finite number or null (JSON has no NaN or Infinity)"),
        Case("negative Infinity", "[1, -Infinity]",
             "line 1, column 5: expected a value, found '-Infinity'; write a finite number or null (JSON has no NaN or Infinity)"),
        Case("capitalised literal", "[True]", "line 1, column 2: expected a value, found 'True'; write true, false or null in lowercase, or text in double quotes"),
        Case("line comment", "{\"a\": 1 // why\n}",
             "line 1, column 9: expected ',' or '}' after the value of 'a', found '/'; remove the comment (JSON has no comments)"),
        Case("block comment", "/* c */ {}", "line 1, column 1: expected a value, found '/'; remove the comment (JSON has no comments)"),
        Case("single-quoted key", "{'a': 1}", #"line 1, column 2: expected a key in double quotes, found "'"; write the key in double quotes"#),
        Case("unquoted key", "{a: 1}", "line 1, column 2: expected a key in double quotes, found 'a'; write the key in double quotes"),
        Case("tab inside a string", "[\"a\tb\"]", #"line 1, column 4: the control character U+0009 is inside a string; write it as the escape \t"#),
        Case("line break inside a string", "[\"a\nb\"]", #"line 1, column 4: the control character U+000A is inside a string; write it as the escape \n"#),
        Case("unknown escape", #"["\x"]"#,
             #"line 1, column 4: expected an escape (\" \\ \/ \b \f \n \r \t or \uXXXX) after '\', found 'x'; write a backslash as \\"#),
        Case("short unicode escape", #"["\u12"]"#,
             #"line 1, column 7: expected four hex digits after \u, found '"'; write the code point as \u followed by four hex digits, e.g. \u00E9"#),
        Case("slash in a unicode escape", #"["\u12/4"]"#,
             #"line 1, column 7: expected four hex digits after \u, found '/'; write the code point as \u followed by four hex digits, e.g. \u00E9"#),
        Case("lone high surrogate", #"["\ud800"]"#,
             #"line 1, column 3: \uD800 is an unpaired high surrogate; follow it with its low surrogate (\uDC00 to \uDFFF) or remove it"#),
        Case("high surrogate before a non-surrogate", #"["\uD83D\u0041"]"#,
             #"line 1, column 3: \uD83D is an unpaired high surrogate; follow it with its low surrogate (\uDC00 to \uDFFF) or remove it"#),
        Case("lone low surrogate", #"["x\uDE00"]"#,
             #"line 1, column 4: \uDE00 is an unpaired low surrogate; put its high surrogate (\uD800 to \uDBFF) before it or remove it"#),
        Case("invalid UTF-8 in a string", bytes: [0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D],
             "line 1, column 2: the string is not valid UTF-8; save the file as UTF-8"),
        Case("leading zero", "[012]", "line 1, column 2: the number 012 has a leading zero; remove the leading zero (JSON has no octal numbers)"),
        Case("negative leading zero", "[-00.5]", "line 1, column 2: the number -00 has a leading zero; remove the leading zero (JSON has no octal numbers)"),
        Case("number beyond a Double", "[1e309]",
             "line 1, column 2: the number 1e309 is beyond the range of a 64-bit float; use a number whose magnitude is below 1.7e308"),
        Case("negative number beyond a Double", "[-2e308]",
             "line 1, column 2: the number -2e308 is beyond the range of a 64-bit float; use a number whose magnitude is below 1.7e308"),
        Case("leading plus", "[+1]", "line 1, column 2: expected a value, found '+'; write a string in double quotes, a number, true, false, null, an array or an object"),
        Case("bare decimal point", "[1.]", "line 1, column 4: expected a digit after the decimal point, found ']'; write at least one digit after '.', e.g. 1.0"),
        Case("empty exponent", "[1e+]", "line 1, column 5: expected a digit in the exponent, found ']'; write the exponent's digits, e.g. 1e3"),
        Case("minus alone", "[-]", "line 1, column 3: expected a digit, found ']'; write the number's digits after '-'"),
        Case("non-ASCII outside a string", "[é]",
             "line 1, column 2: expected a value, found 'é' (U+00E9); write a string in double quotes, a number, true, false, null, an array or an object"),
        Case("missing colon", #"{"a" 1}"#, "line 1, column 6: expected ':' after the key 'a', found '1'; put ':' between the key and its value"),
        Case("missing comma", "[1 2]", "line 1, column 4: expected ',' or ']' after an array element, found '2'; add the missing ',' or close the array with ']'"),
        Case("empty element", "[1,,2]",
             "line 1, column 4: expected a value, found ','; write a string in double quotes, a number, true, false, null, an array or an object"),
        Case("truncated", #"{"a": [1"#,
             "line 1, column 9: expected ',' or ']' after an array element, found the end of the input; complete the document: close every open string, array and object"),
        Case("empty input", "", "line 1, column 1: expected a value, found the end of the input; complete the document: close every open string, array and object"),
        Case("unterminated string", #"["abc"#, #"line 1, column 6: the string that starts at line 1, column 2 is not closed; end it with '"'"#),
        Case("a second top-level value", "{} {}",
             "line 1, column 4: expected the end of the input after the top-level value, found '{'; remove it, or put all the values in one array"),
        Case("nesting beyond the limit", String(repeating: "[", count: 513),
             "line 1, column 513: arrays and objects nest deeper than 512 levels; flatten the document"),
    ]

    @Test("Non-strict JSON is refused with its line, column and fix", arguments: refused)
    func refuses(_ row: Case) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(row.bytes) }
        do {
            _ = try JSONParser.parse(row.bytes)
        } catch {
            #expect(error.description == row.expected)
        }
    }

    @Test func `Nesting up to the limit parses`() throws {
        let depth = JSONParser.maximumDepth
        let node = try JSONParser.parse(Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8))
        #expect(Self.compact(node) == String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
    }

    @Test func `Whole numbers convert exactly, beyond what a Double holds`() throws {
        let node = try JSONParser.parse(Array("[9007199254740993, 9223372036854775808, 1.0, 1e3, 1.5, -0]".utf8))
        guard case .array(let elements) = node.value else { Issue.record("not an array"); return }
        let numbers = elements.compactMap { if case .number(let number) = $0.value { number } else { nil } }
        #expect(numbers.map { $0.exactly(Int.self) } == [9_007_199_254_740_993, nil, 1, 1000, nil, 0])
        #expect(numbers[1].exactly(UInt64.self) == 9_223_372_036_854_775_808)
        #expect(numbers.map(\.double) == [9_007_199_254_740_992, 9_223_372_036_854_775_808, 1, 1000, 1.5, 0])
    }

    @Test func `Values and keys carry their line and column, counted in characters`() throws {
        let node = try JSONParser.parse(Array("{\n  \"a\": [1,\n   \"é\", 2]\n}".utf8))
        guard case .object(let members) = node.value, case .array(let elements) = members[0].value.value else {
            Issue.record("unexpected shape")
            return
        }
        #expect(node.position == SourcePosition(line: 1, column: 1))
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        #expect(members[0].value.position == SourcePosition(line: 2, column: 8))
        #expect(elements.map(\.position.description) == ["line 2, column 9", "line 3, column 4", "line 3, column 9"])
        #expect(node.member("a") == members[0].value)
        #expect(node.member("b") == nil)
    }

    @Test func `Key paths and value summaries read the way messages quote them`() throws {
        #expect(JSONPath.root.appending("models").appending(2).appending("behaviour").description == "models[2].behaviour")
        #expect(JSONPath.root.description.isEmpty)
        let node = try JSONParser.parse(Array(#"[null, true, 1.50, "", "x", [], [1], {}, {"k": 1}]"#.utf8))
        guard case .array(let elements) = node.value else { Issue.record("not an array"); return }
        #expect(elements.map(\.value.summary) == [
            "null", "true", "the number 1.50", "an empty string", "the string 'x'", "an empty list", "a list", "an empty object", "an object",
        ])
    }
}
