import OllamaKit

/// The JSON type Ollama gives each PARAMETER: the fields of Go's `api.Options` and `api.Runner`, converted the
/// way `api.FormatParams` converts them for `ollama create`.
enum ParameterType {
    case integer, float, boolean, strings

    /// Every parameter Ollama accepts, by name.
    static let known: [String: ParameterType] = [
        "num_ctx": .integer, "num_batch": .integer, "num_gpu": .integer, "main_gpu": .integer,
        "use_mmap": .boolean, "num_thread": .integer, "draft_num_predict": .integer,
        "num_keep": .integer, "seed": .integer, "num_predict": .integer, "top_k": .integer,
        "top_p": .float, "min_p": .float, "typical_p": .float, "repeat_last_n": .integer, "temperature": .float,
        "repeat_penalty": .float, "presence_penalty": .float, "frequency_penalty": .float, "stop": .strings,
    ]

    /// Parameters Ollama still parses but ignores (`parser.deprecatedParameters`); dropped as Ollama drops them.
    static let deprecated: Set<String> = [
        "penalize_newline", "low_vram", "f16_kv", "logits_all", "vocab_only", "use_mlock", "mirostat",
        "mirostat_tau", "mirostat_eta",
    ]

    /// Adds one PARAMETER line to `parameters`; repeated `stop` lines collect into one list.
    /// - Throws: `FleetError.invalidParameter` for an unknown name or a value of the wrong type.
    static func add(_ name: String, _ value: String, to parameters: inout [String: JSONValue]) throws {
        guard !deprecated.contains(name) else { return }
        guard let type = known[name] else {
            throw FleetError.invalidParameter(name, value: value, reason: "Ollama has no parameter of that name")
        }
        switch type {
        case .integer:
            guard let number = Int(value) else { throw FleetError.invalidParameter(name, value: value, reason: "it takes a whole number") }
            parameters[name] = .integer(number)
        case .float:
            guard let number = Double(value), number.isFinite else {
                throw FleetError.invalidParameter(name, value: value, reason: "it takes a number")
            }
            parameters[name] = .double(number)
        case .boolean:
            guard let flag = goBool(value) else { throw FleetError.invalidParameter(name, value: value, reason: "it takes true or false") }
            parameters[name] = .bool(flag)
        case .strings:
            if case .array(let values) = parameters[name] {
                parameters[name] = .array(values + [.string(value)])
            } else {
                parameters[name] = .array([.string(value)])
            }
        }
    }

    /// Go's `strconv.ParseBool`.
    private static func goBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}
