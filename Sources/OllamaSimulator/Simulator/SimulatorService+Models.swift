import Foundation
import OllamaKit

/// The model-management routes: version, tags, ps, show, create, copy and delete (pull: SimulatorService+Pull.swift).
extension SimulatorService {
    func version(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        sendJSON(VersionResponse(version: scenario.version), writer)
    }

    func tags(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        let models = store.list().map { model in
            ListModelResponse(
                name: model.displayName, model: model.displayName, modifiedAt: model.modifiedAt, size: model.spec.sizeBytes,
                digest: model.digest, details: details(of: model, parent: ""))
        }
        sendJSON(ListResponse(models: models), writer)
    }

    func processes(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        let release = OllamaRelease(scenario.version)
        // Exactly the models the scheduler holds loaded (a deleted one is gone from the store, and so from here).
        let models = slots.loadedModels().compactMap { name, expiresAt -> ProcessModelResponse? in
            guard let model = store.find(name.displayShortest) else { return nil }
            return ProcessModelResponse(
                name: model.displayName, model: model.displayName, size: model.spec.sizeBytes, digest: model.digest,
                details: details(of: model, parent: ""), expiresAt: expiresAt, sizeVRAM: model.spec.sizeBytes,
                contextLength: release.listsContextLength ? Self.contextLength(of: model) : nil)
        }
        sendJSON(["models": models], writer)
    }

    /// The context a runner loads: the Modelfile's `num_ctx`, else Ollama 0.12's default of 4096 tokens.
    static func contextLength(of model: StoredModel) -> Int {
        if case .integer(let tokens)? = model.spec.modelfile.parameters["num_ctx"], tokens > 0 { return tokens }
        return 4096
    }

    func show(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard var body = decode(ShowRequest.self, goType: "api.ShowRequest", request, writer) else { return }
        if body.model.isEmpty { body.model = GoRequestDecoding.legacyName(request.body) }
        guard !body.model.isEmpty else { return sendError("model is required", status: 400, writer) }
        guard let name = try? ModelName(body.model) else { return sendError("invalid model name", status: 400, writer) }
        guard let model = store.find(body.model) else {
            return sendError("model '\(name.displayShortest)' not found", status: 404, writer)
        }
        let fields = model.spec.modelfile
        var parameters = fields.parameters
        parameters.merge(body.options ?? [:]) { _, new in new }
        sendJSON(ShowResponse(
            license: fields.license, modelfile: ModelfileText.modelfile(of: model, system: body.system),
            parameters: ModelfileText.parameters(parameters), template: fields.template, system: body.system ?? fields.system,
            details: details(of: model, parent: model.parentModel), modelInfo: modelInfo(of: model),
            capabilities: OllamaRelease(scenario.version).showsCapabilities ? ["completion"] : nil, modifiedAt: model.modifiedAt), writer)
    }

    func create(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard var body = decode(CreateRequest.self, goType: "api.CreateRequest", request, writer) else { return }
        if body.model.isEmpty { body.model = GoRequestDecoding.legacyName(request.body) }
        guard let name = try? ModelName(body.model) else { return sendError("invalid model name", status: 400, writer) }
        let stream = body.stream ?? true
        guard let from = body.from, !from.isEmpty else {
            return sendError("neither 'from' or 'files' was specified", status: 400, writer)
        }
        guard let fromName = try? ModelName(from) else { return sendError("invalid model name", status: 400, writer) }
        // Ollama pulls a FROM model it lacks; pullProgress installs it from the scenario's registry.
        let pulled = store.find(from) == nil ? pullProgress(fromName) : []
        guard var statuses = pulled, let base = store.find(from) else {
            return sendProgress([ProgressResponse(status: "pulling manifest")], failure: Self.pullNotFound, stream: stream, writer)
        }
        store.create(name, from: base, request: body)
        statuses.append(ProgressResponse(status: "using existing layer sha256:\(ModelfileText.weightsDigest(of: base.spec))"))
        let newLayers: [(String, String?)] = [
            ("template", body.template), ("system", body.system), ("params", body.parameters.map { "\($0)" }),
            ("license", body.license.map(ModelfileText.licenseText)), ("messages", body.messages.map { "\($0)" }),
        ]
        for case let (kind, content?) in newLayers {
            statuses.append(ProgressResponse(status: "creating new layer sha256:\(StableHash.digest("\(kind):\(content)"))"))
        }
        statuses.append(ProgressResponse(status: "writing manifest"))
        statuses.append(ProgressResponse(status: ProgressResponse.successStatus))
        sendProgress(statuses, failure: nil, stream: stream, writer)
    }

    func copy(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard let body = decode(CopyRequest.self, goType: "api.CopyRequest", request, writer) else { return }
        guard (try? ModelName(body.source)) != nil else {
            return sendError("source \(GoQuoting.quoted(body.source)) is invalid", status: 400, writer)
        }
        guard let destination = try? ModelName(body.destination) else {
            return sendError("destination \(GoQuoting.quoted(body.destination)) is invalid", status: 400, writer)
        }
        guard let source = store.find(body.source) else {
            return sendError("model \(GoQuoting.quoted(body.source)) not found", status: 404, writer)
        }
        store.copy(source, to: destination)
        sendEmpty(writer)
    }

    func delete(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard let body = decode(DeleteRequest.self, goType: "api.DeleteRequest", request, writer) else { return }
        guard let name = try? ModelName(body.model) else {
            return sendError("name \(GoQuoting.quoted(body.model)) is invalid", status: 400, writer)
        }
        guard store.delete(name) else { return sendError("model '\(body.model)' not found", status: 404, writer) }
        slots.unload(name)
        sendEmpty(writer)
    }

    private func details(of model: StoredModel, parent: String) -> ModelDetails {
        ModelDetails(
            parentModel: parent, format: "gguf", family: model.spec.family, families: [model.spec.family],
            parameterSize: model.spec.parameterSize, quantizationLevel: model.spec.quantizationLevel)
    }

    private func modelInfo(of model: StoredModel) -> [String: JSONValue] {
        let family = model.spec.family
        var info: [String: JSONValue] = [
            "general.architecture": .string(family), "general.file_type": 15, "general.quantization_version": 2,
            "\(family).context_length": 131_072, "\(family).embedding_length": 3072, "\(family).block_count": 28,
        ]
        if let count = Self.parameterCount(model.spec.parameterSize) { info["general.parameter_count"] = .integer(count) }
        return info
    }

    /// "3.2B" as 3_200_000_000, "270M" as 270_000_000.
    static func parameterCount(_ size: String) -> Int? {
        let scales: [Character: Double] = ["K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12]
        guard let unit = size.last, let scale = scales[unit], let value = Double(size.dropLast()) else { return nil }
        // A scenario may say "1e300B": no count rather than a trap converting it.
        return Int(exactly: (value * scale).rounded())
    }
}
