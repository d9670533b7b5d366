import OllamaSimulator

/// Random lines in and around the shape of stream records, for comparing `PlainJSONScanner` with `JSONDecoder`:
/// mostly records, with the mistakes and oddities of JSON (odd whitespace, escapes, bad UTF-8, numbers JSON
/// does not allow, missing brackets, commas or colons, types other than the record's) sprinkled in.
struct RandomRecordLines {
    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// The next line, without a newline.
    mutating func next() -> [UInt8] {
        var members: [[UInt8]] = []
        if chance(0.9) { members.append(bytes(#""kind":"#) + (chance(0.9) ? bytes(#""event""#) : value(depth: 3))) }
        if chance(0.5) { members.append(bytes(#""version":"#) + (chance(0.8) ? string() : value(depth: 3))) }
        if chance(0.9) { members.append(bytes(#""payload":"#) + payload()) }
        if chance(0.2) { members.append(key() + bytes(":") + value(depth: 1)) }
        members.shuffle(using: &random)
        var line = whitespace() + bytes("{") + Array(members.joined(separator: bytes(","))) + oneIn(50, ",") + bytes("}") + whitespace()
        if chance(0.02) { line += bytes(" x") }
        if chance(0.02) { line = [0xEF, 0xBB, 0xBF] + line }
        return line
    }

    private mutating func payload() -> [UInt8] {
        let fields = ["kind", "id", "name", "displayName", "isParameterized", "testID", "instant", "issue", "attachment", "messages", "x"]
        var members: [[UInt8]] = []
        for _ in 0..<Int.random(in: 0..<5, using: &random) {
            let name = pick(fields)
            let wellTyped: [UInt8] = switch name {
            case "isParameterized": bytes(pick(["true", "false"]))
            case "instant": bytes(#"{"since1970":"#) + number() + (chance(0.3) ? bytes(#","absolute":1"#) : []) + bytes("}")
            case "issue": bytes(#"{"isFailure":"#) + bytes(pick(["true", "false", "null", "1"])) + bytes(#","severity":"#) + string() + bytes("}")
            case "attachment": bytes(#"{"path":"#) + string() + bytes("}")
            case "messages": bytes("[") + Array((0..<Int.random(in: 0..<3, using: &random)).map { _ in message() }.joined(separator: bytes(","))) + bytes("]")
            case "x": value(depth: 2)
            default: string()
            }
            members.append(bytes(#""\#(name)":"#) + whitespace() + (chance(0.85) ? wellTyped : value(depth: 3)))
        }
        return bytes("{") + Array(members.joined(separator: bytes(","))) + bytes("}")
    }

    private mutating func message() -> [UInt8] {
        chance(0.85) ? bytes(#"{"symbol":"#) + string() + bytes(#","text":"#) + string() + bytes("}") : value(depth: 3)
    }

    private mutating func value(depth: Int) -> [UInt8] {
        switch Int.random(in: 0..<(depth > 4 ? 4 : 6), using: &random) {
        case 0, 1: return string()
        case 2: return number()
        case 3: return bytes(pick(["true", "false", "null", "tru", "nul"]))
        case 4:
            let elements = (0..<Int.random(in: 0..<4, using: &random)).map { _ in whitespace() + value(depth: depth + 1) + whitespace() }
            return bytes("[") + Array(elements.joined(separator: bytes(","))) + oneIn(30, ",") + (chance(0.98) ? bytes("]") : [])
        default:
            let members = (0..<Int.random(in: 0..<6, using: &random)).map { _ in
                whitespace() + key() + whitespace() + (chance(0.99) ? bytes(":") : []) + whitespace() + value(depth: depth + 1) + whitespace()
            }
            return bytes("{") + Array(members.joined(separator: bytes(","))) + oneIn(30, ",") + (chance(0.98) ? bytes("}") : [])
        }
    }

    private mutating func key() -> [UInt8] {
        if chance(0.05) { return string() }
        let names = ["kind", "version", "payload", "id", "testID", "instant", "since1970", "absolute", "symbol", "text", "x", #"k\u0069nd"#, "", "Kind"]
        return bytes(#""\#(pick(names))""#)
    }

    private mutating func string() -> [UInt8] {
        var text = bytes("\"")
        for _ in 0..<Int.random(in: 0..<6, using: &random) {
            if chance(0.02) {
                text.append(pick([0x00, 0x09, 0x1F, 0x7F, 0x80, 0xC0, 0xED, 0xF4, 0xFF]))
            } else {
                text += bytes(pick(["a", "Z", " ", "é", "→", "🚀", #"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\b"#, #"\u0041"#, #"\ud800"#, #"\x"#, "/", "'"]))
            }
        }
        return text + (chance(0.99) ? bytes("\"") : [])
    }

    private mutating func number() -> [UInt8] {
        bytes(pick([
            "0", "-0", "12", "1.5", "-3.25", "17", "1795603687.9261184", "12345678901234567890123456789", "0.1234567890123456789012345678901",
            "01", "1.", "1e5", "1E-2", "1.0e+400", "-", ".5", "+1", "00", "NaN", "Infinity",
        ]))
    }

    private mutating func whitespace() -> [UInt8] {
        chance(0.9) ? [] : bytes(pick([" ", "\t", "\r", "  ", "\n", "\u{0C}"]))
    }

    private mutating func oneIn(_ count: Int, _ text: String) -> [UInt8] {
        Int.random(in: 0..<count, using: &random) == 0 ? bytes(text) : []
    }

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }

    private mutating func pick<Element>(_ elements: [Element]) -> Element { elements[Int.random(in: 0..<elements.count, using: &random)] }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
