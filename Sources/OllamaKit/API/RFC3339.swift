import Foundation

extension KeyedDecodingContainer {
    /// Decodes a timestamp written the way Go's `time.Time` marshals to JSON, whatever the decoder's
    /// date strategy is: Ollama's `created_at`, `modified_at` and `expires_at` always use this format.
    func decodeTimestamp(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RFC3339.date(from: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(text)' is not an RFC 3339 timestamp")
        }
        return date
    }

    /// Like `decodeTimestamp(forKey:)`, but `nil` when the key is absent or null.
    func decodeTimestampIfPresent(forKey key: Key) throws -> Date? {
        try contains(key) && !decodeNil(forKey: key) ? decodeTimestamp(forKey: key) : nil
    }
}

extension KeyedEncodingContainer {
    /// Encodes a timestamp the way Go's `time.Time` marshals to JSON (RFC 3339 in UTC, see `RFC3339.string`).
    mutating func encodeTimestamp(_ date: Date, forKey key: Key) throws {
        try encode(RFC3339.string(from: date), forKey: key)
    }

    /// Encodes a timestamp when there is one.
    mutating func encodeTimestampIfPresent(_ date: Date?, forKey key: Key) throws {
        if let date { try encodeTimestamp(date, forKey: key) }
    }
}

/// Parses and formats RFC 3339 timestamps by hand: Go writes 0–9 fractional digits and any offset, which
/// `ISO8601DateFormatter` does not accept in one configuration.
public enum RFC3339 {
    /// Go's zero `time.Time` ("0001-01-01T00:00:00Z"), which Ollama sends for an unset date.
    public static let goZeroTime = date(from: "0001-01-01T00:00:00Z")!

    /// The date a timestamp such as "2023-08-04T08:52:19.385406455-07:00" names, or `nil` when malformed.
    public static func date(from text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
              let day = scanner.number(2), scanner.skip("T") || scanner.skip("t"),
              let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
              let second = scanner.number(2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var nanoseconds = 0
        if scanner.skip(".") {
            var digits = 0
            while let digit = scanner.number(1) {
                if digits < 9 { nanoseconds = nanoseconds * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
        }
        var offset = 0
        if scanner.skip("Z") || scanner.skip("z") {
            offset = 0
        } else if let sign = scanner.sign(), let hours = scanner.number(2), scanner.skip(":"),
                  let minutes = scanner.number(2) {
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        let seconds = (daysFromCivil(year, month, day) - referenceDay) * 86_400
            + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSinceReferenceDate: Double(seconds) + Double(nanoseconds) / 1e9)
    }

    /// The timestamp of a date in UTC, with the fewest fractional digits (at most nine) that parse back to
    /// exactly the same date, so "…45.499127Z" stays "…45.499127Z" and decode(encode(date)) == date.
    public static func string(from date: Date) -> String {
        let interval = date.timeIntervalSinceReferenceDate
        let whole = interval.rounded(.down)
        func candidate(_ digits: Int) -> String {
            let scale = pow(10, Double(digits))
            let fraction = Int(((interval - whole) * scale).rounded())
            // Rounding up to a whole second carries into the seconds.
            return Double(fraction) == scale
                ? format(seconds: Int(whole) + 1, fraction: 0, digits: 0)
                : format(seconds: Int(whole), fraction: fraction, digits: digits)
        }
        return (0..<9).lazy.map(candidate).first { Self.date(from: $0) == date } ?? candidate(9)
    }

    private static func format(seconds total: Int, fraction: Int, digits: Int) -> String {
        let days = total.floorDivided(by: 86_400), secondOfDay = total - days * 86_400
        let (year, month, day) = civilFromDays(days + referenceDay)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2)
            + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        var decimals = digits > 0 ? pad(fraction, digits) : ""
        while decimals.hasSuffix("0") { decimals.removeLast() }
        if !decimals.isEmpty { text += "." + decimals }
        return text + "Z"
    }

    private static let referenceDay = daysFromCivil(2001, 1, 1)

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // Howard Hinnant's days-from-civil algorithm: days since 1970-01-01 in the proleptic Gregorian calendar.
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

private struct DigitScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Character) -> Bool {
        guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }

    /// Reads exactly `count` decimal digits.
    mutating func number(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }
}

extension Int {
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
