import Foundation
import ReadinessKit

/// The configured fleet compared with what Ollama has: which models are present or missing, how the present
/// ones drift from their Modelfiles, and the order in which to build the missing ones.
///
/// `diagnose(_:client:)` collects it; `DiagnosticMarkdown`, `DiagnosticJSON`, `BuildScript` and
/// `FleetInventory` turn it into text without asking Ollama again.
package struct FleetDiagnosis: Sendable, Equatable {
    /// The Ollama server that was asked, e.g. "http://127.0.0.1:11434".
    package var host: String
    /// Every configured model, in readiness.json order.
    package var models: [ModelDiagnosis]
    /// The missing models' names in the order to build them: dependencies first, then build priority, then name.
    package var buildOrder: [String]

    /// Builds a diagnosis and its build order from per-model findings.
    /// - Throws: `FleetError.dependencyCycle` when the models' bases form a cycle.
    package init(host: String, models: [ModelDiagnosis]) throws {
        self.host = host
        self.models = models
        self.buildOrder = try BuildOrder.order(models)
    }

    /// The missing models, in build order.
    package var missing: [ModelDiagnosis] {
        buildOrder.compactMap { name in models.first { $0.name == name } }
    }

    /// The present models whose deployed settings differ from their Modelfiles.
    package var drifted: [ModelDiagnosis] {
        models.filter { $0.isPresent && !$0.drift.isEmpty }
    }

    /// Whether anything must be fixed (a model missing, drifted, or with an unusable Modelfile): the
    /// `diagnose` command's exit status 1 rather than 0.
    package var needsAction: Bool {
        models.contains(where: \.needsAction)
    }
}

/// What the diagnosis found about one configured model.
package struct ModelDiagnosis: Sendable, Equatable {
    /// The name in readiness.json.
    package var name: String
    /// Whether its failures block a gate.
    package var critical: Bool
    /// Its place among missing models of the same depth (1 first).
    package var buildPriority: Int?
    /// Its place in the migration (1 first).
    package var migrationOrder: Int?
    /// The source Modelfile, when readiness.json names one.
    package var modelfile: URL?
    /// The source Modelfile as parsed; `nil` when there is none or it is unusable (see `problem`).
    package var source: Modelfile?
    /// What Ollama reports about the model; `nil` when it is missing.
    package var installed: InstalledModel?
    /// How the deployed model differs from `source` (present models only).
    package var drift: [Drift]
    /// The model `source` is built FROM.
    package var base: Base?
    /// Why the model cannot be diagnosed or built from its Modelfile (unreadable, invalid), when it cannot.
    package var problem: String?

    package init(
        name: String, critical: Bool = true, buildPriority: Int? = nil, migrationOrder: Int? = nil,
        modelfile: URL? = nil, source: Modelfile? = nil, installed: InstalledModel? = nil, drift: [Drift] = [],
        base: Base? = nil, problem: String? = nil
    ) {
        self.name = name
        self.critical = critical
        self.buildPriority = buildPriority
        self.migrationOrder = migrationOrder
        self.modelfile = modelfile
        self.source = source
        self.installed = installed
        self.drift = drift
        self.base = base
        self.problem = problem
    }

    /// Whether Ollama has the model.
    package var isPresent: Bool { installed != nil }

    /// Where the model stands.
    package enum Status: String, Sendable {
        /// Ollama has it, as its Modelfile says.
        case present
        /// Ollama has it, with settings that differ from its Modelfile.
        case drifted
        /// Ollama does not have it.
        case missing
    }

    /// Present, drifted or missing.
    package var status: Status {
        installed == nil ? .missing : drift.isEmpty ? .present : .drifted
    }

    /// Whether the model is missing, drifted, or has an unusable Modelfile.
    package var needsAction: Bool { installed == nil || !drift.isEmpty || problem != nil }
}

/// A model as Ollama reports it (`/api/tags` and `/api/show`).
package struct InstalledModel: Sendable, Equatable {
    /// The name as `/api/tags` lists it, e.g. "louisville_expert_v3:latest".
    package var name: String
    /// The manifest digest (hex).
    package var digest: String
    /// Bytes on disk.
    package var size: Int64
    /// The architecture family, e.g. "llama".
    package var family: String
    /// The parameter count as Ollama prints it, e.g. "3.2B".
    package var parameterSize: String
    /// The quantization, e.g. "Q4_K_M".
    package var quantizationLevel: String
    /// When the model was last created or pulled.
    package var modifiedAt: Date
    /// The model it was built from, when Ollama recorded it ("" otherwise).
    package var parentModel: String
    /// The deployed SYSTEM prompt.
    package var system: String?

    package init(
        name: String, digest: String, size: Int64, family: String = "", parameterSize: String = "",
        quantizationLevel: String = "", modifiedAt: Date, parentModel: String = "", system: String? = nil
    ) {
        self.name = name
        self.digest = digest
        self.size = size
        self.family = family
        self.parameterSize = parameterSize
        self.quantizationLevel = quantizationLevel
        self.modifiedAt = modifiedAt
        self.parentModel = parentModel
        self.system = system
    }
}

/// The FROM of a source Modelfile and where it comes from.
package struct Base: Sendable, Equatable {
    /// The FROM value, e.g. "llama3.2:3b" or "./weights.gguf".
    package var reference: String
    /// Whether it names local weights (a path or GGUF file) rather than a model.
    package var isFile: Bool
    /// Whether Ollama has it.
    package var isInstalled: Bool
    /// Whether it is itself a model of the fleet (built from its own Modelfile, earlier in the build order).
    package var isFleetModel: Bool

    package init(reference: String, isFile: Bool = false, isInstalled: Bool = false, isFleetModel: Bool = false) {
        self.reference = reference
        self.isFile = isFile
        self.isInstalled = isInstalled
        self.isFleetModel = isFleetModel
    }

    /// Whether it must be pulled from a registry before the model can be built.
    package var needsPull: Bool { !isFile && !isInstalled && !isFleetModel }
}
