import Foundation
import OllamaKit

extension KeepAlive {
    /// How long the model stays loaded, as Ollama's `api.Duration` reads it: seconds, or a Go duration
    /// string such as "5m" or "1h30m"; anything negative means until the server stops (returned as -1).
    /// - Throws: `GoDurationError` with Go's message ("time: invalid duration \"x\"") for a bad string.
    func seconds() throws -> Double {
        switch self {
        case .seconds(let seconds):
            // Go's `time.Duration(t * 1e9)` overflows past ~292 years into a duration the scheduler never expires.
            return seconds < 0 || Double(seconds) > Self.maximumSeconds ? -1 : Double(seconds)
        case .duration(let text):
            let seconds = try Self.parseGoDuration(text)
            return seconds < 0 ? -1 : seconds
        }
    }

    /// The longest Go `time.Duration` in seconds (`math.MaxInt64` nanoseconds, about 292 years).
    static let maximumSeconds = Double(Int64.max) / 1e9

    /// `keep_alive` with a number OllamaKit's `KeepAlive` cannot hold as an `Int` replaced by -1 (forever,
    /// what Go's overflowing conversion amounts to), or `nil` when the value needs no change.
    static func clampedJSON(_ value: JSONValue) -> JSONValue? {
        guard case .double(let seconds) = value, Int(exactly: seconds.rounded(.towardZero)) == nil else { return nil }
        return .integer(-1)
    }

    /// Go's `time.ParseDuration`: an optional sign, then number-unit pairs ("1h30m", "1.5s", "300ms"); "0" alone.
    static func parseGoDuration(_ text: String) throws -> Double {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600)]
        var rest = Substring(text)
        var sign = 1.0
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { throw GoDurationError(message: "time: invalid duration \(GoQuoting.quoted(text))") }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number), !number.isEmpty else {
                throw GoDurationError(message: "time: invalid duration \(GoQuoting.quoted(text))")
            }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !$0.isNumber && $0 != "." }
            guard !unitText.isEmpty else { throw GoDurationError(message: "time: missing unit in duration \(GoQuoting.quoted(text))") }
            guard let unit = units.first(where: { $0.0 == unitText }) else {
                throw GoDurationError(message: "time: unknown unit \(GoQuoting.quoted(String(unitText))) in duration \(GoQuoting.quoted(text))")
            }
            total += value * unit.1
            // Go refuses a duration beyond `math.MaxInt64` nanoseconds with its generic message.
            guard total <= Self.maximumSeconds else { throw GoDurationError(message: "time: invalid duration \(GoQuoting.quoted(text))") }
            rest = rest.dropFirst(unitText.count)
        }
        return sign * total
    }
}

/// A `keep_alive` string Go's `time.ParseDuration` rejects, with Go's message.
struct GoDurationError: Error, Equatable {
    var message: String
}
