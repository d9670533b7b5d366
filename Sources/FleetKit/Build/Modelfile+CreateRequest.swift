import Foundation
import OllamaKit
import ReadinessKit

extension Modelfile {
    /// The `/api/create` request that builds `model` from this Modelfile, the structured fields that
    /// `ollama create -f` sends when no file has to be uploaded.
    ///
    /// FROM, SYSTEM and TEMPLATE take their last value, as in Ollama; PARAMETER values get Ollama's types
    /// (`num_ctx 4096` is a number, `stop` a list); MESSAGE and LICENSE lines are kept in order.
    /// - Parameters:
    ///   - model: The name of the model to create.
    ///   - folder: The Modelfile's folder, against which a relative FROM path is read.
    /// - Throws: `FleetError.unsupportedInstruction` for what needs a blob upload (ADAPTER, DRAFT, a FROM of
    ///   local weights) or a field `CreateRequest` lacks (REQUIRES, RENDERER, PARSER);
    ///   `FleetError.invalidParameter` for a PARAMETER Ollama would reject.
    package func createRequest(model: String, relativeTo folder: URL? = nil) throws -> CreateRequest {
        var request = CreateRequest(model: model)
        var parameters: [String: JSONValue] = [:]
        var messages: [Message] = []
        var licenses: [JSONValue] = []
        for command in commands {
            switch command.instruction {
            case .from:
                guard !BaseReference.isFile(command.value, relativeTo: folder) else {
                    throw Self.needsUpload(command, what: "local weights", model: model)
                }
                request.from = command.value
            case .system:
                request.system = command.value
            case .template:
                request.template = command.value
            case .parameter:
                try ParameterType.add(command.name ?? "", command.value, to: &parameters)
            case .message:
                messages.append(Message(role: command.name ?? "", content: command.value))
            case .license:
                licenses.append(.string(command.value))
            case .adapter:
                throw Self.needsUpload(command, what: "a LoRA adapter", model: model)
            case .draft:
                throw Self.needsUpload(command, what: "a draft model's weights", model: model)
            case .requires, .renderer, .parser:
                let keyword = command.instruction.rawValue.uppercased()
                throw FleetError.unsupportedInstruction(
                    "\(keyword) \(command.value)", reason: "OllamaKit's CreateRequest has no '\(command.instruction.rawValue)' field",
                    fix: "Build this model with 'ollama create \(model) -f <Modelfile>' (build_critical_models.sh does), "
                        + "or remove the \(keyword) line.")
            }
        }
        request.parameters = parameters.isEmpty ? nil : parameters
        request.messages = messages.isEmpty ? nil : messages
        request.license = licenses.isEmpty ? nil : .array(licenses)
        return request
    }

    private static func needsUpload(_ command: Command, what: String, model: String) -> FleetError {
        let keyword = command.instruction.rawValue.uppercased()
        return FleetError.unsupportedInstruction(
            "\(keyword) \(command.value)", reason: "'\(command.value)' is \(what), which must first be uploaded as a blob",
            fix: "Build this model with 'ollama create \(model) -f <Modelfile>' (build_critical_models.sh does), which uploads it.")
    }
}
