/// A JSON number kept as written, so whole numbers stay exact beyond 2^53 and messages quote what the user typed.
package struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
    /// The literal, e.g. "-12", "0.5" or "1e3".
    package let text: String
    /// The nearest `Double`; always finite, as the parser refuses numbers beyond its range.
    package let double: Double

    package init(text: String, double: Double) {
        self.text = text
        self.double = double
    }

    package var description: String { text }

    /// The number as `type` when it is a whole number that type holds exactly, else `nil`.
    package func exactly<Integer: FixedWidthInteger>(_ type: Integer.Type) -> Integer? {
        // A plain integer literal converts exactly at any size the type holds.
        if let integer = Integer(text) { return integer }
        // "1.0" or "1e3" go through Double, which is exact only up to 2^53.
        guard double.magnitude <= 9_007_199_254_740_992 else { return nil }
        return Integer(exactly: double)
    }
}
