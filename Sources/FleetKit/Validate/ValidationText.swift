/// Renders a `FleetValidation` as the lines `validate_critical_models.sh` prints: PASS or FAIL per model,
/// then a summary.
package enum ValidationText {
    /// The validation as text ending with a newline.
    package static func render(_ validation: FleetValidation) -> String {
        var lines = validation.results.map { result in
            if let failure = result.failure { return "FAIL \(result.check.model): \(failure)" }
            guard let keyword = result.matched.first else { return "PASS \(result.check.model): answered (no keywords expected)" }
            return "PASS \(result.check.model): the answer mentions '\(keyword)'"
        }
        let passed = validation.results.filter(\.passed).count
        lines.append("Validated \(validation.results.count) critical models: \(passed) passed, \(validation.results.count - passed) failed.")
        return lines.joined(separator: "\n") + "\n"
    }
}
