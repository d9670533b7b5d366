import ReadinessKit

/// The values the generated scripts carry (names, paths, prompts), checked before they are quoted.
enum ScriptValue {
    /// `value` as one bash word, quoted by `ShellQuoting` so bash expands nothing in it.
    /// - Parameters:
    ///   - value: A model name, path, prompt or keyword.
    ///   - what: What it is, for the error ("model name").
    ///   - allowLineBreaks: Whether line breaks and tabs may stay (prompts); other control characters never do,
    ///     since they could rewrite the terminal of whoever reads or runs the script.
    /// - Throws: `FleetError.unsafeScriptValue` for a control character (or a line break when not allowed).
    static func quoted(_ value: String, _ what: String, allowLineBreaks: Bool = false) throws -> String {
        for scalar in value.unicodeScalars where scalar.properties.generalCategory == .control {
            guard allowLineBreaks, scalar == "\n" || scalar == "\t" else {
                throw FleetError.unsafeScriptValue(what, value: value)
            }
        }
        return ShellQuoting.quote(value)
    }
}
