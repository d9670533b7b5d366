import Foundation
import OllamaKit
import ReadinessKit

/// The live fleet, for `docs/MODEL_INVENTORY.md`-style documentation: what Ollama has of each fleet model,
/// in migration order.
package struct FleetInventory: Sendable, Equatable {
    /// The present fleet models, in migration order (models without one last, in readiness.json order).
    package var entries: [Entry]
    /// The fleet models Ollama does not have, in readiness.json order.
    package var missing: [String]

    /// One present model.
    package struct Entry: Sendable, Equatable {
        /// The name in readiness.json.
        package var name: String
        /// The manifest digest (hex).
        package var digest: String
        /// What it is built from: Ollama's parent model, else its Modelfile's FROM.
        package var base: String?
        /// Bytes on disk.
        package var size: Int64
        /// The parameter count as Ollama prints it, e.g. "3.2B".
        package var parameterSize: String
        /// The first line of the deployed SYSTEM prompt.
        package var systemFirstLine: String?
        /// Its place in the migration (1 first).
        package var migrationOrder: Int?
        /// When it was last created or pulled.
        package var modifiedAt: Date
    }

    /// The inventory of what `diagnosis` found.
    package init(diagnosis: FleetDiagnosis) {
        // Ordered as `ReadinessConfig.modelsInMigrationOrder` orders the configured models.
        let present = diagnosis.models.enumerated().filter { $0.element.isPresent }
            .sorted { ($0.element.migrationOrder ?? .max, $0.offset) < ($1.element.migrationOrder ?? .max, $1.offset) }
            .map(\.element)
        entries = present.compactMap { model in
            model.installed.map { installed in
                Entry(
                    name: model.name, digest: installed.digest,
                    base: installed.parentModel.isEmpty ? model.base?.reference : installed.parentModel,
                    size: installed.size, parameterSize: installed.parameterSize,
                    systemFirstLine: installed.system?.split(whereSeparator: \.isNewline).first
                        .map { $0.trimmingCharacters(in: .whitespaces) },
                    migrationOrder: model.migrationOrder, modifiedAt: installed.modifiedAt)
            }
        }
        missing = diagnosis.models.filter { !$0.isPresent }.map(\.name)
    }

    /// Diagnoses the fleet of `config` and takes its inventory.
    /// - Throws: What `FleetDiagnosis.diagnose` throws.
    package static func collect(_ config: ReadinessConfig, client: OllamaClient) async throws -> FleetInventory {
        FleetInventory(diagnosis: try await FleetDiagnosis.diagnose(config, client: client))
    }
}
