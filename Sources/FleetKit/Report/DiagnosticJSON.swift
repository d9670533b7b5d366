import Foundation
import OllamaKit

/// Renders `model_diagnostic_report.json`: the diagnosis for machines, with sorted keys and RFC 3339 dates
/// so that two runs over the same fleet give the same bytes.
package enum DiagnosticJSON {
    /// The file name the action plan's report gets as JSON.
    package static let fileName = "model_diagnostic_report.json"

    /// Bumped when a key changes meaning or disappears.
    package static let schemaVersion = 1

    /// The report for `diagnosis`, pretty printed and ending with a newline.
    package static func render(_ diagnosis: FleetDiagnosis) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers and booleans only: encoding cannot fail.
        let data = try! encoder.encode(Report(diagnosis))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Report: Encodable {
        var schemaVersion = DiagnosticJSON.schemaVersion
        var host: String
        var needsAction: Bool
        var buildOrder: [String]
        var models: [Model]

        init(_ diagnosis: FleetDiagnosis) {
            host = diagnosis.host
            needsAction = diagnosis.needsAction
            buildOrder = diagnosis.buildOrder
            models = diagnosis.models.map(Model.init)
        }
    }

    private struct Model: Encodable {
        var name: String
        var critical: Bool
        var buildPriority: Int?
        var migrationOrder: Int?
        var modelfile: String?
        var status: String
        var installed: Installed?
        var drift: [Drift]
        var base: Base?
        var problem: String?

        init(_ model: ModelDiagnosis) {
            name = model.name
            critical = model.critical
            buildPriority = model.buildPriority
            migrationOrder = model.migrationOrder
            modelfile = model.modelfile?.path
            status = model.status.rawValue
            installed = model.installed.map(Installed.init)
            drift = model.drift.map { Drift(key: $0.key, expected: $0.expected, deployed: $0.deployed) }
            base = model.base.map {
                Base(reference: $0.reference, isFile: $0.isFile, isInstalled: $0.isInstalled, isFleetModel: $0.isFleetModel, needsPull: $0.needsPull)
            }
            problem = model.problem
        }
    }

    private struct Installed: Encodable {
        var name: String
        var digest: String
        var size: Int64
        var family: String
        var parameterSize: String
        var quantizationLevel: String
        var modifiedAt: String
        var parentModel: String

        init(_ model: InstalledModel) {
            name = model.name
            digest = model.digest
            size = model.size
            family = model.family
            parameterSize = model.parameterSize
            quantizationLevel = model.quantizationLevel
            modifiedAt = RFC3339.string(from: model.modifiedAt)
            parentModel = model.parentModel
        }
    }

    private struct Drift: Encodable {
        var key: String
        var expected: String
        var deployed: String?
    }

    private struct Base: Encodable {
        var reference: String
        var isFile: Bool
        var isInstalled: Bool
        var isFleetModel: Bool
        var needsPull: Bool
    }
}
