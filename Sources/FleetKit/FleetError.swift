/// Why a fleet operation cannot go ahead, as a sentence that names the model or value at fault and the fix.
package struct FleetError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Code: Equatable, Sendable {
        case dependencyCycle([String])
        case unsafeScriptValue(what: String, value: String)
        case unsupportedInstruction(instruction: String, reason: String, fix: String)
        case invalidParameter(name: String, value: String, reason: String)
        case backupFailed(String)
        case rollbackRefused(model: String, reason: String)
        case historyFailed(String)
    }

    private let code: Code

    private init(_ code: Code) {
        self.code = code
    }

    /// Fleet models built FROM each other in a loop, e.g. `["a", "b", "a"]`: none of them can be built first.
    package static func dependencyCycle(_ cycle: [String]) -> FleetError {
        FleetError(.dependencyCycle(cycle))
    }

    /// A value (model name, path, prompt) with a control character or line break, which a script must not carry.
    package static func unsafeScriptValue(_ what: String, value: String) -> FleetError {
        FleetError(.unsafeScriptValue(what: what, value: value))
    }

    /// A Modelfile instruction that the JSON create API cannot carry.
    package static func unsupportedInstruction(_ instruction: String, reason: String, fix: String) -> FleetError {
        FleetError(.unsupportedInstruction(instruction: instruction, reason: reason, fix: fix))
    }

    /// A PARAMETER Ollama does not know, or whose value does not have the parameter's type.
    package static func invalidParameter(_ name: String, value: String, reason: String) -> FleetError {
        FleetError(.invalidParameter(name: name, value: value, reason: reason))
    }

    /// A backup that could not be taken or written, and why; nothing was left behind.
    package static func backupFailed(_ reason: String) -> FleetError {
        FleetError(.backupFailed(reason))
    }

    /// A rollback of `model` that was not done, and why; the model in Ollama was left as it was.
    package static func rollbackRefused(_ model: String, reason: String) -> FleetError {
        FleetError(.rollbackRefused(model: model, reason: reason))
    }

    /// A history line that could not be written (the call and `strerror` text).
    package static func historyFailed(_ reason: String) -> FleetError {
        FleetError(.historyFailed(reason))
    }

    package var description: String {
        switch code {
        case .dependencyCycle(let cycle):
            "The fleet's Modelfiles build FROM each other in a cycle: \(cycle.joined(separator: " → ")). "
                + "Change the FROM line of one of them to a model outside the cycle."
        case .unsafeScriptValue(let what, let value):
            "The \(what) \(value.debugDescription) contains a control character or line break, which a generated "
                + "script does not carry. Remove it from readiness.json or the path."
        case .unsupportedInstruction(let instruction, let reason, let fix):
            "\(instruction) cannot be sent through the JSON create API: \(reason). \(fix)"
        case .invalidParameter(let name, let value, let reason):
            "PARAMETER \(name) '\(value)' is not usable: \(reason). Fix the Modelfile's PARAMETER line."
        case .backupFailed(let reason):
            "The backup failed: \(reason)."
        case .rollbackRefused(let model, let reason):
            "\(model) was not rolled back and is unchanged: \(reason)."
        case .historyFailed(let reason):
            "The history could not be appended to: \(reason)."
        }
    }
}
