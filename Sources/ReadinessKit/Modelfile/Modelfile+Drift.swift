import Foundation
import OllamaKit

/// One way a deployed model differs from its Modelfile, e.g. temperature expected '0.3', deployed '0.7'.
package struct Drift: Sendable, Equatable, CustomStringConvertible {
    /// "FROM", "SYSTEM", "TEMPLATE" or a parameter name such as "temperature".
    package var key: String
    /// The Modelfile's value (several values joined by ", ").
    package var expected: String
    /// The deployed value, or `nil` when the deployed model does not set it.
    package var deployed: String?

    package init(key: String, expected: String, deployed: String?) {
        self.key = key
        self.expected = expected
        self.deployed = deployed
    }

    package var description: String {
        "\(key): expected '\(expected)', deployed \(deployed.map { "'\($0)'" } ?? "not set")"
    }
}

extension Modelfile {
    /// How `deployed` (e.g. `ollama show --modelfile`) differs from this Modelfile, the expected one.
    ///
    /// Compares only what this Modelfile sets, since a deployed model also shows settings inherited from its
    /// base: parameters (numbers numerically, so "0.3" equals "0.30"; repeated ones such as `stop` as sets),
    /// SYSTEM and TEMPLATE (ignoring surrounding whitespace), and FROM by Ollama's name rules, only when both
    /// sides are names: Ollama shows a blob path there.
    /// - Returns: The differences, FROM first, then SYSTEM, TEMPLATE and parameters by name; empty when none.
    package func drift(from deployed: Modelfile) -> [Drift] {
        var drifts: [Drift] = []
        if let expected = from, let actual = deployed.from, !Self.isPath(expected), !Self.isPath(actual),
           !ModelName.matches(expected, actual) {
            drifts.append(Drift(key: "FROM", expected: expected, deployed: actual))
        }
        for (key, expected, actual) in [("SYSTEM", system, deployed.system), ("TEMPLATE", template, deployed.template)] {
            guard let expected else { continue }
            let trimmed = expected.trimmingCharacters(in: .whitespacesAndNewlines)
            if actual?.trimmingCharacters(in: .whitespacesAndNewlines) != trimmed {
                drifts.append(Drift(key: key, expected: trimmed, deployed: actual?.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        let deployedParameters = deployed.parameters
        for (name, values) in parameters.sorted(by: { $0.key < $1.key }) {
            let actual = deployedParameters[name]
            if Set(values.map(Self.normalized)) != Set((actual ?? []).map(Self.normalized)) {
                drifts.append(Drift(key: name, expected: values.joined(separator: ", "), deployed: actual?.joined(separator: ", ")))
            }
        }
        return drifts
    }

    /// Whether a FROM value is a file (Ollama shows `/…/blobs/sha256-…` for a model built from a base).
    static func isPath(_ from: String) -> Bool {
        from.hasPrefix("/") || from.hasPrefix(".") || from.hasPrefix("~") || from.contains("\\") || from.contains("sha256-")
    }

    /// Numbers compare by value ("0.30" is "0.3", "4096.0" is "4096"); other values as written.
    static func normalized(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let number = Double(trimmed), number.isFinite else { return trimmed }
        return "\(number)"
    }
}
