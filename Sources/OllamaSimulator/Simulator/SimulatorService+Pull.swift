import OllamaKit

/// `POST /api/pull`: installs a model of the scenario's `registry` with the progress Ollama's `PullModel` reports.
extension SimulatorService {
    /// What Ollama's `PullModel` answers when the registry has no such manifest (its 404 is `os.ErrNotExist`).
    static let pullNotFound = "pull model manifest: file does not exist"

    func pull(_ request: HTTPRequest, _ writer: HTTPResponseWriter) {
        guard var body = decode(PullRequest.self, goType: "api.PullRequest", request, writer) else { return }
        if body.model.isEmpty { body.model = GoRequestDecoding.legacyName(request.body) }
        // routes.go PullHandler → writeModelRefParseError: an empty name ("model is required") and an invalid
        // one both fall back to 400 errtypes.InvalidModelNameErrMsg.
        guard let name = try? ModelName(body.model.trimmingCharacters(in: .whitespaces)) else {
            return sendError("invalid model name", status: 400, writer)
        }
        let stream = body.stream ?? true
        guard let statuses = pullProgress(name) else {
            return sendProgress([ProgressResponse(status: "pulling manifest")], failure: Self.pullNotFound, stream: stream, writer)
        }
        sendProgress(statuses, failure: nil, stream: stream, writer)
    }

    /// Pulls `name`: installs it when the registry has it, and returns the statuses `PullModel` reports up to
    /// "success"; `nil` when neither the registry nor the installed models have it.
    /// Create uses it too, as Ollama pulls a FROM model it lacks.
    func pullProgress(_ name: ModelName) -> [ProgressResponse]? {
        var statuses = [ProgressResponse(status: "pulling manifest")]
        if let installed = store.find(name.fullyQualified) {
            // Every blob is on disk already: downloadBlob reports each once as complete, and nothing changes.
            statuses += ModelLayer.layers(of: installed.spec).map {
                ProgressResponse(status: $0.pullingStatus, digest: $0.digest, total: $0.size, completed: $0.size)
            }
        } else if let spec = store.registryModel(name) {
            statuses += ModelLayer.layers(of: spec).flatMap(Self.downloadProgress)
            store.installPulled(name, spec: spec)
        } else {
            return nil
        }
        return statuses + ["verifying sha256 digest", "writing manifest", ProgressResponse.successStatus].map { ProgressResponse(status: $0) }
    }

    /// What `blobDownload.Wait` reports on its 60 ms ticks for one blob: nothing done yet (`completed` is then
    /// omitted, Go's `omitempty`), half, and all of it.
    private static func downloadProgress(_ layer: ModelLayer) -> [ProgressResponse] {
        [0, layer.size / 2, layer.size].map {
            ProgressResponse(status: layer.pullingStatus, digest: layer.digest, total: layer.size, completed: $0 == 0 ? nil : $0)
        }
    }
}
