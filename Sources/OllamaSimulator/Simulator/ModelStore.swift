import Foundation
import OllamaKit

/// A model the simulated Ollama has installed.
struct StoredModel: Sendable {
    /// The parsed name; lookups compare these by Ollama's rules.
    var name: ModelName
    /// Metadata, Modelfile and behaviour; `spec.name` is the name as first written.
    var spec: Scenario.Model
    /// The manifest digest `/api/tags` shows.
    var digest: String
    /// When the model was created, copied or (for scenario models) installed.
    var modifiedAt: Date
    /// The model it was built from, for `/api/show`'s `parent_model`.
    var parentModel: String

    /// The name as `/api/tags` lists it, e.g. "louisville_expert_v3:latest".
    var displayName: String { name.displayShortest }
}

/// The simulator's installed models; create, copy and delete change it. `GenerationSlots` holds which are loaded.
final class ModelStore: @unchecked Sendable {
    // `lock` guards all the stored properties below it.
    private let lock = NSLock()
    /// By name (Ollama's identity), so each request finds its model in one lookup however large the fleet.
    private var installed: [ModelName: StoredModel] = [:]
    /// Scenario entries by name, installed or not: a model built later with `/api/create` takes its behaviour.
    private let described: [ModelName: Scenario.Model]
    /// Models `/api/pull` can install.
    private let registry: [ModelName: Scenario.Model]
    private var occurrences: [String: Int] = [:]
    /// Requests with a prompt each model has been asked, by name: what `Scenario.Degradation` counts.
    private var requests: [ModelName: Int] = [:]

    /// How long a model stays loaded when the request does not say (Ollama's default `keep_alive`).
    static let defaultKeepAlive: TimeInterval = 5 * 60

    init(scenario: Scenario, now: Date = Date()) {
        var described: [ModelName: Scenario.Model] = [:]
        for (index, spec) in scenario.models.enumerated() {
            // Scenario validation has checked every name already.
            guard let name = try? ModelName(spec.name) else { continue }
            described[name] = spec
            guard spec.installed else { continue }
            // Earlier entries look more recently modified, so /api/tags lists them in scenario order.
            installed[name] = StoredModel(
                name: name, spec: spec, digest: spec.digest ?? StableHash.digest(name.fullyQualified),
                modifiedAt: now.addingTimeInterval(-60 * Double(index + 1)), parentModel: spec.modelfile.from ?? "")
        }
        self.described = described
        // Scenario validation has checked every name already.
        registry = Dictionary(scenario.registry.compactMap { spec in (try? ModelName(spec.name)).map { ($0, spec) } }) { first, _ in first }
    }

    /// The registry's entry for `name` (":latest" implied, case ignored), or `nil` when a pull would find nothing.
    func registryModel(_ name: ModelName) -> Scenario.Model? {
        registry[name]
    }

    /// Installs a model pulled from the registry as the scenario describes it, replacing any model of that name.
    @discardableResult
    func installPulled(_ name: ModelName, spec: Scenario.Model) -> StoredModel {
        var spec = spec
        spec.installed = true
        return install(StoredModel(
            name: name, spec: spec, digest: spec.digest ?? StableHash.digest(name.fullyQualified), modifiedAt: Date(),
            parentModel: spec.modelfile.from ?? ""))
    }

    /// The installed model `text` names (":latest" implied, case ignored), or `nil`.
    func find(_ text: String) -> StoredModel? {
        guard let name = try? ModelName(text) else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return installed[name]
    }

    /// Installed models, most recently modified first, as `/api/tags` orders them.
    func list() -> [StoredModel] {
        lock.lock()
        defer { lock.unlock() }
        return installed.values.sorted { ($0.modifiedAt, $0.name.fullyQualified) > ($1.modifiedAt, $1.name.fullyQualified) }
    }

    /// Installs `name` built from `base` with the request's Modelfile parts, replacing any model of that name.
    /// Its behaviour is the scenario's entry for `name` when there is one, else the base model's.
    @discardableResult
    func create(_ name: ModelName, from base: StoredModel, request: CreateRequest) -> StoredModel {
        var spec = described[name] ?? base.spec
        spec.name = name.displayShortest
        spec.installed = true
        (spec.family, spec.parameterSize) = (base.spec.family, base.spec.parameterSize)
        (spec.quantizationLevel, spec.sizeBytes) = (base.spec.quantizationLevel, base.spec.sizeBytes)
        var modelfile = base.spec.modelfile
        modelfile.from = request.from
        modelfile.system = request.system ?? modelfile.system
        modelfile.template = request.template ?? modelfile.template
        modelfile.parameters.merge(request.parameters ?? [:]) { _, new in new }
        if let license = request.license {
            modelfile.license = ModelfileText.licenseText(license)
        }
        spec.modelfile = modelfile
        let digest = StableHash.digest("\(name.fullyQualified)|\(base.digest)|\(modelfile)")
        spec.digest = digest
        return install(StoredModel(name: name, spec: spec, digest: digest, modifiedAt: Date(), parentModel: base.displayName))
    }

    /// Installs a copy of `source` as `destination`, with the same manifest digest, as `ollama cp` does.
    func copy(_ source: StoredModel, to destination: ModelName) {
        var copy = source
        copy.name = destination
        copy.spec.name = destination.displayShortest
        copy.modifiedAt = Date()
        install(copy)
    }

    /// Removes `name`; `false` when it was not installed.
    func delete(_ name: ModelName) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return installed.removeValue(forKey: name) != nil
    }

    /// How many times this model has been asked this prompt before (0 the first time); feeds seeded draws.
    func nextOccurrence(of model: StoredModel, prompt: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let key = "\(model.name.fullyQualified)\u{0}\(prompt)"
        defer { occurrences[key, default: 0] += 1 }
        return occurrences[key, default: 0]
    }

    /// How many requests with a prompt this model was asked before (0 the first time), whatever the prompt.
    func nextRequest(of model: StoredModel) -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { requests[model.name, default: 0] += 1 }
        return requests[model.name, default: 0]
    }

    @discardableResult
    private func install(_ model: StoredModel) -> StoredModel {
        lock.lock()
        defer { lock.unlock() }
        installed[model.name] = model
        return model
    }
}
