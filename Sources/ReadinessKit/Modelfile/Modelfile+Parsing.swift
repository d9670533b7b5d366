import Foundation

/// A Modelfile that Ollama would refuse, with the line at fault.
package struct ModelfileError: Error, Equatable, CustomStringConvertible {
    private enum Code: Equatable {
        case unknownInstruction(String)
        case missingValue(String)
        case invalidParameterName(String)
        case invalidRole(String)
        case unterminatedQuote(String)
        case missingFrom
    }

    private let code: Code
    /// The 1-based line at fault; `nil` when the whole file is at fault.
    package let line: Int?

    static func unknownInstruction(_ word: String, line: Int) -> Self { .init(code: .unknownInstruction(word), line: line) }
    static func missingValue(_ instruction: String, line: Int) -> Self { .init(code: .missingValue(instruction), line: line) }
    static func invalidParameterName(_ name: String, line: Int) -> Self { .init(code: .invalidParameterName(name), line: line) }
    static func invalidRole(_ role: String, line: Int) -> Self { .init(code: .invalidRole(role), line: line) }
    static func unterminatedQuote(_ instruction: String, line: Int) -> Self { .init(code: .unterminatedQuote(instruction), line: line) }
    static let missingFrom = ModelfileError(code: .missingFrom, line: nil)

    package var description: String {
        let location = line.map { "line \($0): " } ?? ""
        let names = Modelfile.Instruction.allCases.map { $0.rawValue.uppercased() }.joined(separator: ", ")
        switch code {
        case .unknownInstruction(let word):
            return location + "unknown instruction '\(word)'. Use one of \(names)."
        case .missingValue(let instruction):
            return location + "\(instruction) has no value. Write the value on the same line, e.g. 'PARAMETER temperature 0.3'."
        case .invalidParameterName(let name):
            return location + "invalid parameter name '\(name)'. Write 'PARAMETER <name> <value>' with a name of letters, digits and '_'."
        case .invalidRole(let role):
            return location + "invalid message role '\(role)'. Use system, user or assistant."
        case .unterminatedQuote(let instruction):
            return location + "the quoted value of \(instruction) is never closed. Close it with the same quotes it opened with (\" or \"\"\")."
        case .missingFrom:
            return "no FROM line. Add the base model, e.g. 'FROM llama3.2:3b'."
        }
    }
}

extension Modelfile {
    /// Parses Modelfile text with the rules of Ollama's parser: instructions are case-insensitive, `#` starts a
    /// comment only at the start of a line, values run to the end of the line unless quoted with `"` or `"""`
    /// (quoted values may span lines), and a FROM line is required.
    /// - Throws: `ModelfileError` naming the line.
    package static func parse(_ text: String) throws -> Modelfile {
        var parser = Parser()
        for character in text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text {
            try parser.consume(character)
        }
        try parser.finish()
        guard parser.commands.contains(where: { $0.instruction == .from }) else { throw ModelfileError.missingFrom }
        return Modelfile(commands: parser.commands)
    }
}

/// The character-level state machine of Ollama's parser.
private struct Parser {
    private enum State { case idle, comment, instruction, parameterName, role, value }

    var commands: [Modelfile.Command] = []
    private var state = State.idle
    private var buffer = ""
    private var line = 1
    private var commandLine = 1
    private var instruction = Modelfile.Instruction.from
    private var name: String?

    mutating func consume(_ character: Character) throws {
        let newline = character == "\n" || character == "\r" || character == "\r\n"
        let space = character == " " || character == "\t"
        defer { if newline { line += 1 } }
        switch state {
        case .idle:
            if character == "#" {
                state = .comment
            } else if !space && !newline {
                state = .instruction
                commandLine = line
                buffer = String(character)
            }
        case .comment:
            if newline { state = .idle }
        case .instruction:
            if character.isASCII && character.isLetter {
                buffer.append(character)
            } else if space {
                guard let found = Modelfile.Instruction(rawValue: buffer.lowercased()) else {
                    throw ModelfileError.unknownInstruction(buffer, line: line)
                }
                instruction = found
                name = nil
                state = found == .parameter ? .parameterName : found == .message ? .role : .value
                buffer = ""
            } else if newline, Modelfile.Instruction(rawValue: buffer.lowercased()) != nil {
                throw ModelfileError.missingValue(buffer.uppercased(), line: line)
            } else {
                throw ModelfileError.unknownInstruction(buffer + (newline ? "" : String(character)), line: line)
            }
        case .parameterName, .role:
            let allowed = state == .role
                ? character.isASCII && character.isLetter
                : character.isASCII && (character.isLetter || character.isNumber || character == "_")
            if allowed {
                buffer.append(character)
            } else if space, !buffer.isEmpty {
                if state == .role, !["system", "user", "assistant"].contains(buffer) {
                    throw ModelfileError.invalidRole(buffer, line: line)
                }
                name = buffer
                buffer = ""
                state = .value
            } else if newline {
                throw ModelfileError.missingValue(instruction.rawValue.uppercased(), line: line)
            } else if state == .role {
                throw ModelfileError.invalidRole(buffer + String(character), line: line)
            } else {
                throw ModelfileError.invalidParameterName(buffer + String(character), line: line)
            }
        case .value:
            // A line break ends the value only once its quotes (if any) are closed.
            if newline, let value = Self.unquote(buffer) {
                commands.append(Modelfile.Command(instruction, name: name, value))
                state = .idle
                buffer = ""
            } else if space || newline || !character.unicodeScalars.allSatisfy(\.properties.isControlLike) {
                buffer.append(character)
            }
        }
    }

    mutating func finish() throws {
        switch state {
        case .idle, .comment:
            return
        case .value:
            guard let value = Self.unquote(buffer) else {
                throw ModelfileError.unterminatedQuote(instruction.rawValue.uppercased(), line: commandLine)
            }
            commands.append(Modelfile.Command(instruction, name: name, value))
        case .instruction where Modelfile.Instruction(rawValue: buffer.lowercased()) == nil:
            throw ModelfileError.unknownInstruction(buffer, line: line)
        case .instruction, .parameterName, .role:
            throw ModelfileError.missingValue((state == .instruction ? buffer : instruction.rawValue).uppercased(), line: line)
        }
    }

    /// The value inside `"""…"""` or `"…"`, the trimmed text when unquoted, or `nil` while a quote is open.
    static func unquote(_ raw: String) -> String? {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("\"\"\"") {
            return value.count >= 6 && value.hasSuffix("\"\"\"") ? String(value.dropFirst(3).dropLast(3)) : nil
        }
        if value.hasPrefix("\"") {
            return value.count >= 2 && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : nil
        }
        return value
    }
}

private extension Unicode.Scalar.Properties {
    /// Control characters that Ollama drops from values (it keeps only printable runes).
    var isControlLike: Bool { generalCategory == .control }
}
