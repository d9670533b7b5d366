extension Modelfile {
    /// The Modelfile as text, one instruction per line, quoted so that `parse` reads back the same commands.
    ///
    /// Values spanning lines or with edge spaces are quoted with `"`, or `"""` when they contain a quote, as
    /// Ollama writes them. Like Ollama's, this cannot round-trip a value that itself begins or ends with `"`.
    package var text: String {
        commands.map(\.text).joined(separator: "\n") + "\n"
    }
}

extension Modelfile.Command {
    /// This instruction as one Modelfile line (or several, for multi-line values).
    package var text: String {
        let keyword = instruction.rawValue.uppercased()
        switch instruction {
        case .from:
            return "\(keyword) \(value)"
        case .parameter, .message:
            return "\(keyword) \(name ?? "") \(Self.quote(value))"
        default:
            return "\(keyword) \(Self.quote(value))"
        }
    }

    static func quote(_ value: String) -> String {
        let edges = value.first.map { $0.isWhitespace || $0 == "\"" } == true || value.last.map { $0.isWhitespace || $0 == "\"" } == true
        guard value.isEmpty || edges || value.contains(where: \.isNewline) else { return value }
        return value.contains("\"") ? "\"\"\"\(value)\"\"\"" : "\"\(value)\""
    }
}
