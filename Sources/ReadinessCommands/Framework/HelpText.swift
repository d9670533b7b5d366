/// The `--help` texts, every line at most `width` columns: usage wrapped after the command's name, paragraphs
/// reflowed, two-column tables with the right column wrapped beside the left.
enum HelpText {
    static let width = 80
    /// The widest left column kept beside its text; a longer entry puts its text on the next line.
    static let leftColumn = 26

    /// `readiness NAME --help`: usage, discussion, arguments, options (or actions), examples, environment.
    static func help(_ spec: CommandSpec) -> String {
        var sections = [spec.usageLine, reflow(spec.discussion)]
        let positionals = spec.arguments.filter(\.isPositional).map { ($0.synopsis, $0.help) }
        if !positionals.isEmpty { sections.append("Arguments:\n" + table(positionals)) }
        if !spec.subcommands.isEmpty {
            sections.append("Actions:\n" + table(spec.subcommands.map { ($0.spec.word, $0.spec.abstract) }))
        }
        let options = spec.arguments.filter { !$0.isPositional }.map { ($0.synopsis, $0.help) }
        sections.append("Options:\n" + table(options + [("-h, --help", "Show this help.")]))
        sections.append("Examples:\n" + examples(spec.examples))
        sections.append("Environment:\n" + environment(spec.environment))
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// The `Examples:` lines: each command line, its explanation indented below it.
    static func examples(_ examples: [CommandSpec.Example]) -> String {
        examples.map { example in
            "  " + example.commandLine + "\n" + wrap(example.explanation, indent: 6).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// The `Environment:` table, or a line saying none is read.
    static func environment(_ variables: [EnvironmentVariable]) -> String {
        variables.isEmpty ? "  This command reads no environment variables." : table(variables.map { ($0.name, $0.help) })
    }

    /// Two aligned columns: the argument as typed, then its help wrapped beside it.
    static func table(_ rows: [(String, String)]) -> String {
        let left = min(rows.map(\.0.count).filter { $0 <= leftColumn }.max() ?? 0, leftColumn)
        let indent = 2 + left + 3
        return rows.flatMap { name, help -> [String] in
            let text = wrap(help, indent: indent)
            let first = String(text[0].dropFirst(indent))
            if name.count > left { return ["  " + name] + text }
            return ["  " + name.padding(toLength: left, withPad: " ", startingAt: 0) + "   " + first] + text.dropFirst()
        }.joined(separator: "\n")
    }

    /// Paragraphs (separated by blank lines) with their line breaks replaced by spaces, then wrapped.
    static func reflow(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { wrap($0, indent: 0).joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// `text` as lines of at most `width` columns, each starting with `indent` spaces; a word longer than a
    /// line stands alone on its line.
    static func wrap(_ text: String, indent: Int) -> [String] {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        return lines(words, first: String(repeating: " ", count: indent), rest: String(repeating: " ", count: indent))
    }

    /// `words` after `prefix`, continued under the first word: "Usage: readiness check [--config FILE] …".
    static func wrapWords(_ words: [String], after prefix: String) -> String {
        let rest = String(repeating: " ", count: prefix.count <= width / 2 ? prefix.count : 4)
        return lines(words, first: prefix, rest: rest).joined(separator: "\n")
    }

    private static func lines(_ words: [String], first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        for word in words {
            if lineHasWord, line.count + 1 + word.count > width {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            line += (lineHasWord ? " " : "") + word
            lineHasWord = true
        }
        lines.append(line)
        return lines.map { $0.trailingWhitespaceTrimmed }
    }
}

private extension String {
    var trailingWhitespaceTrimmed: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
