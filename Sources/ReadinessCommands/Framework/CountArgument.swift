/// A count typed on the command line: a whole number of 1 or more (`--step 2`, `--rounds 5`).
enum CountArgument {
    /// How a usage error describes a right value.
    static let expected = "a whole number of 1 or more"

    /// The count `text` names, or `nil` when it is not digits or is 0.
    static func parse(_ text: String) -> Int? {
        guard let value = Int(text), value >= 1 else { return nil }
        return value
    }
}
