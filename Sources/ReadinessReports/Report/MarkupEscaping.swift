import ReadinessKit
/// Escaping for text placed into XML, HTML and Markdown tables: everything user-provided goes through here.
enum MarkupEscaping {
    /// Text safe in XML/HTML element content and quoted attribute values; drops characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other C0 character, not even escaped; DEL and C1 (ESC's 8-bit twins) it
                // discourages, and a JUnit viewer might pass them to a terminal: dropped too.
                if scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value) && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    /// Text safe in a Markdown table cell or list item: one line (`UntrustedText.singleLine`), no pipes breaking
    /// columns, no backticks opening code, no brackets making links or images, no raw HTML.
    /// Scalar by scalar, as Markdown parsers read: a pipe followed by a combining mark is one `Character` but
    /// still splits a cell.
    static func markdownCell(_ text: String) -> String {
        var escaped = ""
        let line = UntrustedText.singleLine(text)
        escaped.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\\", "|", "`", "[", "]":
                escaped.unicodeScalars.append("\\")
                escaped.unicodeScalars.append(scalar)
            case "<": escaped += "&lt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` as one Markdown code span, delimiters included: the fence is one backtick longer than any run
    /// inside (CommonMark), as backslashes do not escape in code. For list items and headings only: in a
    /// table cell a pipe would still split the cell, so tables use `markdownCell`.
    static func markdownCode(_ text: String) -> String {
        let line = UntrustedText.singleLine(text)
        var longest = 0, run = 0
        // By scalar, as for cells: a backtick with a combining mark after it is still a backtick to the parser.
        for scalar in line.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        // A span starting or ending with a backtick needs a space inside, which CommonMark strips again.
        let padding = line.unicodeScalars.first == "`" || line.unicodeScalars.last == "`" ? " " : ""
        return fence + padding + line + padding + fence
    }
}
