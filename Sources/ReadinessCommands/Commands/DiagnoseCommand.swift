import FleetKit
import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness diagnose`: step 1 of the action plan. Which models are missing or drifted, and the scripts that
/// build and validate them.
struct DiagnoseCommand: Subcommand {
    static let spec = CommandSpec(
        name: "diagnose",
        abstract: "Find missing and drifted models; write a report and the scripts that build and validate them.",
        discussion: """
            Compares the fleet in readiness.json with what Ollama has (/api/tags, /api/show) and writes into
            the output folder: model_diagnostic_report.md and .json (every model present or missing, with
            digest, size, family, quantization and modified time; drift against its Modelfile; for missing
            models their base and the build order), build_critical_models.sh (builds the missing models in
            order, pulling a missing base) and validate_critical_models.sh (asks each critical model its first
            prompt). Exit 0 when nothing is missing or drifted, 1 otherwise, 2 when it cannot tell.
            """,
        arguments: FleetSession.arguments + [outOption],
        examples: [
            .init("readiness diagnose", "Compare ./readiness.json with the Ollama it names; write diagnostic_output/."),
            .init("readiness diagnose --out diag && sh diag/build_critical_models.sh", "Diagnose, then build the missing models with the script it wrote."),
        ]
    )
    static let outOption = Option<String>.text("--out", "DIR", default: "diagnostic_output", help: "folder for the report and scripts (default: diagnostic_output)")

    static let files = (
        markdown: "model_diagnostic_report.md", json: "model_diagnostic_report.json",
        build: "build_critical_models.sh", validate: "validate_critical_models.sh"
    )

    var target: FleetSession.Target
    var out: String

    init(_ arguments: ParsedArguments) throws {
        target = try FleetSession.Target(arguments)
        out = try arguments.value(Self.outOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(target, context: context) else { return .undecided }
        let folder = context.url(out, isDirectory: true)
        do {
            let diagnosis = try await FleetDiagnosis.diagnose(session.config, client: session.client)
            // Render everything first: a value a script cannot carry safely stops the command before any write.
            let outputs = [
                (Self.files.markdown, DiagnosticMarkdown.render(diagnosis, relativeTo: folder), 0o644),
                (Self.files.json, DiagnosticJSON.render(diagnosis), 0o644),
                (Self.files.build, try BuildScript.render(diagnosis), 0o755),
                (Self.files.validate, try ValidateScript.render(FleetValidator.checks(for: session.config)), 0o755),
            ]
            for (name, text, permissions) in outputs {
                let url = folder.appendingPathComponent(name)
                try ReportWriter.write(Data(text.utf8), to: url)
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
            }
            context.say(summary(diagnosis) + ["Wrote " + outputs.map { "\(out)/\($0.0)" }.joined(separator: ", ")])
            return diagnosis.needsAction ? .notReady : .success
        } catch {
            context.error("\(error)")
            return .undecided
        }
    }

    private func summary(_ diagnosis: FleetDiagnosis) -> [String] {
        var lines = ["\(diagnosis.models.count) models in readiness.json: \(diagnosis.missing.count) missing, \(diagnosis.drifted.count) drifted."]
        if !diagnosis.missing.isEmpty { lines.append("Build order: " + diagnosis.buildOrder.joined(separator: ", ")) }
        for model in diagnosis.drifted {
            lines.append("Drifted: \(model.name) (" + model.drift.map(\.key).joined(separator: ", ") + ")")
        }
        return lines
    }
}
