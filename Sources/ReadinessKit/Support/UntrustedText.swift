/// Neutralising text that came from outside (Ollama's answers and errors, model names, config values, files)
/// before it reaches a terminal or a CI log, where a control character or a line break would be obeyed.
package enum UntrustedText {
    /// How many characters of an answer, prompt or server message a report quotes.
    package static let quoteLimit = 200

    /// `text` as one inert line: CR, LF, tab, and the Unicode line and paragraph separators become a space;
    /// other control characters (C0, DEL, C1 such as ESC, CSI and NEL) and bidirectional overrides become a
    /// visible `\u{…}`, so the evidence stays readable but nothing moves the cursor, recolours, or fakes a line.
    package static func singleLine(_ text: String) -> String {
        var line = ""
        line.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
                line.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                line += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                line.unicodeScalars.append(scalar)
            }
        }
        return line
    }

    /// A line the tool prints, defused when it would read as a GitHub Actions workflow command: the runner
    /// obeys any line whose first non-blank characters are `::` (or the legacy `##[`), so such a line gets
    /// a leading "> ". Lines the tool means as commands (`GitHubAnnotations`) are printed without this.
    package static func defusingWorkflowCommand(_ line: String) -> String {
        let start = line.drop(while: \.isWhitespace)
        return start.hasPrefix("::") || start.hasPrefix("##[") ? "> " + line : line
    }

    /// An untrusted value as a whole console line: `singleLine` then `defusingWorkflowCommand`.
    package static func consoleLine(_ text: String) -> String {
        defusingWorkflowCommand(singleLine(text))
    }

    /// The first `limit` characters of `text`, with "…" when it was longer.
    package static func excerpt(_ text: String, limit: Int = quoteLimit) -> String {
        text.count <= limit ? text : text.prefix(max(0, limit - 1)) + "…"
    }
}
