import Foundation
import OllamaKit
import ReadinessKit

extension FleetDiagnosis {
    /// Compares the fleet of `config` with what Ollama has: `/api/tags` for every model, `/api/show` for the
    /// present ones (their details and deployed Modelfile), and each source Modelfile for drift and bases.
    /// - Parameters:
    ///   - config: The fleet.
    ///   - client: The Ollama to ask.
    /// - Returns: The diagnosis; a Modelfile that cannot be read is recorded as the model's `problem`.
    /// - Throws: `OllamaError` when Ollama does not answer; `FleetError.dependencyCycle` when bases loop.
    package static func diagnose(_ config: ReadinessConfig, client: OllamaClient) async throws -> FleetDiagnosis {
        let listed = try await client.listModels().models
        var models: [ModelDiagnosis] = []
        for model in config.models {
            var diagnosis = ModelDiagnosis(
                name: model.name, critical: model.critical, buildPriority: model.buildPriority,
                migrationOrder: model.migrationOrder, modelfile: model.modelfile)
            if let url = model.modelfile {
                do {
                    diagnosis.source = try Modelfile.parse(String(contentsOf: url, encoding: .utf8))
                } catch let error as ModelfileError {
                    diagnosis.problem = "\(url.path) is not a valid Modelfile: \(error)"
                } catch {
                    diagnosis.problem = "\(url.path) cannot be read: \((error as NSError).localizedDescription)"
                }
            }
            if let from = diagnosis.source?.from {
                diagnosis.base = Base(
                    reference: from, isFile: BaseReference.isFile(from, relativeTo: model.modelfile?.deletingLastPathComponent()),
                    isInstalled: listed.contains { ModelName.matches($0.name, from) },
                    isFleetModel: config.model(named: from) != nil)
            }
            if let entry = listed.first(where: { ModelName.matches($0.name, model.name) }) {
                let show = try await client.show(ShowRequest(model: entry.name))
                diagnosis.installed = InstalledModel(
                    name: entry.name, digest: entry.digest, size: entry.size, family: entry.details.family,
                    parameterSize: entry.details.parameterSize, quantizationLevel: entry.details.quantizationLevel,
                    modifiedAt: entry.modifiedAt, parentModel: show.details.parentModel, system: show.system)
                if let source = diagnosis.source {
                    do {
                        diagnosis.drift = source.drift(from: try Modelfile.parse(show.modelfile ?? ""))
                    } catch {
                        diagnosis.problem = "Ollama's Modelfile of \(entry.name) cannot be compared: \(error)"
                    }
                }
            }
            models.append(diagnosis)
        }
        return try FleetDiagnosis(host: client.configuration.baseURL.absoluteString, models: models)
    }
}
