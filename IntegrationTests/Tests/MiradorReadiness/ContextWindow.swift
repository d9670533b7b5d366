import ReadinessCriteria
import ReadinessKit
import ReadinessTesting
import Testing

// Package.swift links ReadinessCriteria, so `swift test` runs every built-in criterion. Mirador's own criterion
// goes in this extension of their parent suite, sharing its Ollama client, request budget and config.
extension Readiness {
    /// Mirador's agents pass long conversations along, so each critical model needs room for them.
    @Suite struct ContextWindow {
        static let criterion = Criterion(
            id: "context-window", title: "Every critical model has a context of at least 4096 tokens",
            area: .config, severity: .critical, needsOllama: true, isPerModel: true
        )
        static let minimum = 4096.0

        @Test("Critical model has a context of at least 4096 tokens", arguments: ReadinessArguments.criticalModels())
        func contextWindow(model: String) async throws {
            try await ReadinessFixture.require().check(Self.criterion, model: model) { checklist in
                let fix = "Add PARAMETER num_ctx 4096 to \(model)'s Modelfile and rebuild it."
                guard let shown = try await checklist.evidence.show(model) else {
                    return Self.criterion.result(model: model, passed: false, message: "\(model) is not in Ollama", actions: [fix])
                }
                let context = Self.contextLength(parameters: shown.parameters ?? "")
                let passed = (context ?? 0) >= Self.minimum
                return Self.criterion.result(
                    model: model, passed: passed, measured: context,
                    threshold: .init(.atLeast, Self.minimum, unit: "count"),
                    message: context.map { "\(model) has a context of \(Int($0)) tokens" } ?? "\(model) sets no num_ctx",
                    actions: passed ? [] : [fix]
                )
            }
        }

        /// The `num_ctx` of `/api/show`'s `parameters`, which holds one "name value" line per PARAMETER.
        static func contextLength(parameters: String) -> Double? {
            for line in parameters.split(separator: "\n") {
                let words = line.split(separator: " ")
                if words.count == 2, words[0] == "num_ctx" { return Double(words[1]) }
            }
            return nil
        }
    }
}
