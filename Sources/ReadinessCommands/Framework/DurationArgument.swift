/// A duration typed on the command line: a whole number and a unit, `500ms`, `30s`, `2m` or `1h`, nothing else.
enum DurationArgument {
    /// How a usage error describes a right value.
    static let expected = "a duration like 30s, 5m, 500ms or 1h"

    /// The duration `text` names, or `nil` when it is not exactly digits and a unit, or is zero.
    static func parse(_ text: String) -> Duration? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let value = Int64(digits), value > 0 else { return nil }
        switch text.dropFirst(digits.count) {
        case "ms": return .milliseconds(value)
        case "s": return .seconds(value)
        case "m": return .seconds(value * 60)
        case "h": return .seconds(value * 3600)
        default: return nil
        }
    }
}
