/// An Ollama Modelfile: the ordered instructions that build a model (FROM, SYSTEM, PARAMETER, …).
///
/// `Modelfile.parse(_:)` reads the text the way Ollama's `parser/parser.go` does; `text` writes it back.
package struct Modelfile: Sendable, Equatable {
    /// A Modelfile instruction (case-insensitive in the text).
    package enum Instruction: String, Sendable, CaseIterable {
        /// The base model: a name (`llama3.2:3b`) or a path to weights.
        case from
        /// A model parameter, e.g. `PARAMETER temperature 0.3`; `stop` may repeat.
        case parameter
        /// The prompt template.
        case template
        /// The system prompt.
        case system
        /// A LoRA adapter path.
        case adapter
        /// A license text; may repeat.
        case license
        /// A conversation message, e.g. `MESSAGE user Hello`; may repeat.
        case message
        /// A draft model for speculative decoding.
        case draft
        /// The output renderer.
        case renderer
        /// The output parser.
        case parser
        /// The minimum Ollama version the model needs.
        case requires
    }

    /// One instruction and its value.
    package struct Command: Sendable, Equatable {
        package var instruction: Instruction
        /// The parameter name (for `parameter`) or the role (for `message`); `nil` otherwise.
        package var name: String?
        /// The value with its quotes removed.
        package var value: String

        package init(_ instruction: Instruction, name: String? = nil, _ value: String) {
            self.instruction = instruction
            self.name = name
            self.value = value
        }
    }

    /// The instructions in file order.
    package var commands: [Command]

    package init(commands: [Command]) {
        self.commands = commands
    }

    /// The base model (the first FROM).
    package var from: String? { commands.first { $0.instruction == .from }?.value }

    /// The system prompt (the last SYSTEM wins, as in Ollama).
    package var system: String? { last(.system) }

    /// The prompt template (the last TEMPLATE wins, as in Ollama).
    package var template: String? { last(.template) }

    /// Every parameter's values in file order, e.g. `["stop": ["<|eot_id|>", "user:"], "temperature": ["0.3"]]`.
    package var parameters: [String: [String]] {
        commands.reduce(into: [:]) { parameters, command in
            if command.instruction == .parameter, let name = command.name { parameters[name, default: []].append(command.value) }
        }
    }

    /// The conversation messages in order.
    package var messages: [(role: String, content: String)] {
        commands.compactMap { $0.instruction == .message ? ($0.name ?? "", $0.value) : nil }
    }

    private func last(_ instruction: Instruction) -> String? {
        commands.last { $0.instruction == instruction }?.value
    }
}
