import Foundation

/// Decides `configs`: a model's optimized configuration (its Modelfile) exists, parses, and matches the model
/// Ollama has deployed under that name.
package enum ConfigEvaluator {
    /// What `/api/show` says about a deployed model, as plain text fields.
    package struct Deployed: Sendable, Equatable {
        /// `ollama show --modelfile`.
        package var modelfile: String?
        /// One parameter per line, "name value" (string values Go-quoted), as `/api/show` returns them.
        package var parameters: String?
        /// The system prompt.
        package var system: String?

        package init(modelfile: String?, parameters: String?, system: String?) {
            self.modelfile = modelfile
            self.parameters = parameters
            self.system = system
        }
    }

    /// Compares `model`'s Modelfile with what Ollama deployed.
    /// - Parameters:
    ///   - model: The configured model; its `modelfile` is the expected configuration.
    ///   - deployed: The deployed model, or `nil` when Ollama does not have it.
    package static func evaluate(_ model: ReadinessConfig.Model, deployed: Deployed?) -> CriterionResult {
        let criterion = Criterion.configs
        func failure(_ message: String, _ action: String) -> CriterionResult {
            criterion.result(model: model.name, passed: false, message: message, actions: [action])
        }
        guard let url = model.modelfile else {
            return failure(
                "\(model.name) has no optimized configuration: readiness.json gives it no modelfile",
                "Add \"modelfile\": \"modelfiles/\(model.name).Modelfile\" to the model in readiness.json and write that Modelfile."
            )
        }
        let path = ModelActions.displayPath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return failure("\(model.name)'s configuration \(path) does not exist or cannot be read", "Write \(path); to capture the deployed model: \(ModelActions.captureModelfile(model.name, to: path))")
        }
        let expected: Modelfile
        do {
            expected = try Modelfile.parse(String(decoding: data, as: UTF8.self))
        } catch {
            return failure("\(model.name)'s configuration \(path) does not parse: \(error)", "Fix \(path), then rebuild: \(ModelActions.build(model))")
        }
        guard let deployed else {
            return failure(
                "\(model.name) is not deployed, so \(path) cannot be compared with it (build it: \(ModelActions.build(model)))",
                ModelActions.build(model)
            )
        }
        let drifts = expected.drift(from: deployedModelfile(deployed))
        guard drifts.isEmpty else {
            let keys = drifts.map(\.key).joined(separator: ", ")
            return criterion.result(
                model: model.name, passed: false, measured: Double(drifts.count),
                threshold: .init(.atMost, 0, unit: "count"),
                message: "\(model.name) differs from \(path) in \(keys): " + drifts.map(\.description).joined(separator: "; "),
                actions: ["Rebuild it from its configuration: \(ModelActions.build(model))"]
            )
        }
        let compared = (expected.from == nil ? 0 : 1) + (expected.system == nil ? 0 : 1) + (expected.template == nil ? 0 : 1) + expected.parameters.count
        return criterion.result(
            model: model.name, passed: true, measured: 0, threshold: .init(.atMost, 0, unit: "count"),
            message: "\(model.name) matches \(path) (\(compared) settings compared)"
        )
    }

    /// The deployed model as a Modelfile: `ollama show --modelfile` when it parses, with the separate
    /// `parameters` and `system` fields filling in what it lacks (Ollama versions differ in what they include).
    static func deployedModelfile(_ deployed: Deployed) -> Modelfile {
        var commands = (try? Modelfile.parse(deployed.modelfile ?? ""))?.commands ?? []
        if !commands.contains(where: { $0.instruction == .parameter }) {
            commands += parseParameters(deployed.parameters ?? "")
        }
        if !commands.contains(where: { $0.instruction == .system }), let system = deployed.system {
            commands.append(.init(.system, system))
        }
        return Modelfile(commands: commands)
    }

    /// Reads `/api/show`'s `parameters`: lines of "name<spaces>value", where Ollama writes strings Go-quoted
    /// (`stop "<|eot_id|>"`) and numbers bare.
    static func parseParameters(_ text: String) -> [Modelfile.Command] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return nil }
            let name = String(trimmed[..<space])
            var value = trimmed[space...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\""),
               let unquoted = try? JSONDecoder().decode(String.self, from: Data(value.utf8)) {
                value = unquoted
            }
            return .init(.parameter, name: name, value)
        }
    }
}
