import Foundation
import ReadinessKit

/// Renders `model_diagnostic_report.md`: the fleet table, the missing models in build order with their bases,
/// the drift of present models, and what to do next.
package enum DiagnosticMarkdown {
    /// The file name the action plan gives the report.
    package static let fileName = "model_diagnostic_report.md"

    /// The report for `diagnosis`.
    /// - Parameters:
    ///   - diagnosis: What was found.
    ///   - folder: Modelfile paths inside this folder are written relative to it (e.g. the current directory).
    package static func render(_ diagnosis: FleetDiagnosis, relativeTo folder: URL? = nil) -> String {
        let missing = diagnosis.missing, drifted = diagnosis.drifted
        let problems = diagnosis.models.filter { $0.problem != nil }
        var lines = [
            "# Model diagnostic report",
            "",
            "Ollama at \(diagnosis.host): \(diagnosis.models.count) fleet models, "
                + "\(diagnosis.models.count - missing.count) present, \(missing.count) missing, \(drifted.count) drifted.",
            "",
            nextStep(diagnosis),
            "",
            "## Fleet",
            "",
            "| Model | Critical | Status | Digest | Size | Family | Quantization | Modified |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for model in diagnosis.models {
            let installed = model.installed
            lines.append(row([
                model.name, model.critical ? "yes" : "no", model.status.rawValue, installed.map { FleetFormatting.shortDigest($0.digest) },
                installed.map { FleetFormatting.size($0.size) }, installed?.family, installed?.quantizationLevel,
                installed.map { FleetFormatting.date($0.modifiedAt) },
            ]))
        }
        if !missing.isEmpty {
            lines += ["", "## Missing models, in build order", "",
                      "| # | Model | Build priority | Base | Base status | Modelfile |", "|---|---|---|---|---|---|"]
            for (index, model) in missing.enumerated() {
                lines.append(row([
                    "\(index + 1)", model.name, model.buildPriority.map(String.init), model.base?.reference,
                    baseStatus(model), model.modelfile.map { path($0, relativeTo: folder) } ?? "none: pulled by name",
                ]))
            }
        }
        if !drifted.isEmpty {
            lines += ["", "## Drift", "", "Rebuild a drifted model from its Modelfile: `ollama create NAME -f MODELFILE`.", "",
                      "| Model | Key | Modelfile | Ollama |", "|---|---|---|---|"]
            for model in drifted {
                for drift in model.drift {
                    lines.append(row([model.name, drift.key, drift.expected, drift.deployed ?? "not set"]))
                }
            }
        }
        if !problems.isEmpty {
            lines += ["", "## Problems", ""]
            lines += problems.map { "- **\(FleetFormatting.cell($0.name))**: \($0.problem ?? "")" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func nextStep(_ diagnosis: FleetDiagnosis) -> String {
        guard diagnosis.needsAction else {
            return "**No action needed.** Every fleet model is present and matches its Modelfile."
        }
        var steps: [String] = []
        if !diagnosis.missing.isEmpty {
            steps.append("build the missing models with `\(BuildScript.fileName)`, then check them with `\(ValidateScript.fileName)`")
        }
        if !diagnosis.drifted.isEmpty { steps.append("rebuild the drifted models") }
        if diagnosis.models.contains(where: { $0.problem != nil }) { steps.append("fix the problems listed below") }
        let sentence = steps.joined(separator: "; ")
        return "**Action needed:** " + sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }

    /// Where a missing model's base comes from.
    private static func baseStatus(_ model: ModelDiagnosis) -> String {
        guard let base = model.base else { return "—" }
        if base.isFile { return "local weights, uploaded by `ollama create`" }
        if base.isFleetModel { return base.isInstalled ? "fleet model, present" : "fleet model, built first" }
        return base.isInstalled ? "present" : "missing: pulled first"
    }

    private static func path(_ url: URL, relativeTo folder: URL?) -> String {
        guard let folder else { return url.path }
        return ModelActions.displayPath(url, currentDirectory: folder.standardizedFileURL.path)
    }

    private static func row(_ cells: [String?]) -> String {
        "| " + cells.map(FleetFormatting.cell).joined(separator: " | ") + " |"
    }
}
