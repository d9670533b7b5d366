import Foundation

/// An async/await client for the Ollama REST API (`docs/api.md` of ollama/ollama).
///
/// Every call takes an optional `timeout` for the whole request (the configuration's `requestTimeout`
/// otherwise) and throws `OllamaError` for every failure, or `CancellationError` when its task is cancelled,
/// which also cancels the HTTP request. Each call uses its own URLSession, invalidated when the call ends.
public struct OllamaClient: Sendable {
    /// Where the client connects and its default timeouts.
    public let configuration: Configuration
    /// Shared by copies of this client, for `retriesMade`.
    let retryCounter = RetryCounter()

    public init(_ configuration: Configuration = .init()) {
        self.configuration = configuration
    }

    /// Checks that Ollama answers `GET /` with "Ollama is running".
    /// - Throws: `OllamaError`, e.g. `.unreachable` when nothing listens.
    public func heartbeat(timeout: Duration? = nil) async throws {
        let call = Call(method: "GET", path: "/", timeout: timeout)
        let body = try await send(call)
        guard String(decoding: body, as: UTF8.self).contains("Ollama is running") else {
            throw OllamaError.undecodable(
                what: "the answer to \(endpoint(call))", reason: "it does not say 'Ollama is running'",
                excerpt: String(decoding: body.prefix(200), as: UTF8.self))
        }
    }

    /// Ollama's version (`GET /api/version`).
    public func version(timeout: Duration? = nil) async throws -> VersionResponse {
        try await decode(Call(method: "GET", path: "/api/version", timeout: timeout))
    }

    /// The models stored locally (`GET /api/tags`).
    public func listModels(timeout: Duration? = nil) async throws -> ListResponse {
        try await decode(Call(method: "GET", path: "/api/tags", timeout: timeout))
    }

    /// A model's Modelfile, parameters, template, details and metadata (`POST /api/show`).
    /// - Throws: `OllamaError.modelNotFound` when the model does not exist.
    public func show(_ request: ShowRequest, timeout: Duration? = nil) async throws -> ShowResponse {
        try await decode(Call(method: "POST", path: "/api/show", body: request, model: request.model, timeout: timeout))
    }

    /// A whole completion in one object (`POST /api/generate` with `stream: false`).
    public func generate(_ request: GenerateRequest, timeout: Duration? = nil) async throws -> GenerateResponse {
        var request = request
        request.stream = false
        return try await decode(
            Call(method: "POST", path: "/api/generate", body: request, model: request.model, timeout: timeout))
    }

    /// A completion as it is generated (`POST /api/generate`, NDJSON); the last element has `done == true`.
    public func generateStream(
        _ request: GenerateRequest, timeout: Duration? = nil
    ) -> AsyncThrowingStream<GenerateResponse, any Error> {
        var request = request
        request.stream = true
        return stream(Call(method: "POST", path: "/api/generate", body: request, model: request.model, timeout: timeout))
    }

    /// A whole chat answer in one object (`POST /api/chat` with `stream: false`).
    public func chat(_ request: ChatRequest, timeout: Duration? = nil) async throws -> ChatResponse {
        var request = request
        request.stream = false
        return try await decode(Call(method: "POST", path: "/api/chat", body: request, model: request.model, timeout: timeout))
    }

    /// A chat answer as it is generated (`POST /api/chat`, NDJSON); the last element has `done == true`.
    public func chatStream(
        _ request: ChatRequest, timeout: Duration? = nil
    ) -> AsyncThrowingStream<ChatResponse, any Error> {
        var request = request
        request.stream = true
        return stream(Call(method: "POST", path: "/api/chat", body: request, model: request.model, timeout: timeout))
    }

    /// Creates a model (`POST /api/create`); the statuses end with "success" when it worked.
    public func create(
        _ request: CreateRequest, timeout: Duration? = nil
    ) -> AsyncThrowingStream<ProgressResponse, any Error> {
        stream(Call(method: "POST", path: "/api/create", body: request, model: request.from ?? request.model, timeout: timeout))
    }

    /// Downloads a model from its registry (`POST /api/pull`); the statuses end with "success" when it worked,
    /// and carry `digest`, `total` and `completed` while layers download.
    public func pull(
        _ request: PullRequest, timeout: Duration? = nil
    ) -> AsyncThrowingStream<ProgressResponse, any Error> {
        stream(Call(method: "POST", path: "/api/pull", body: request, model: request.model, timeout: timeout))
    }

    /// Copies a model under a new name (`POST /api/copy`).
    /// - Throws: `OllamaError.modelNotFound` when `source` does not exist.
    public func copy(source: String, destination: String, timeout: Duration? = nil) async throws {
        let request = CopyRequest(source: source, destination: destination)
        _ = try await send(Call(method: "POST", path: "/api/copy", body: request, model: source, timeout: timeout))
    }

    /// Deletes a model (`DELETE /api/delete`).
    /// - Throws: `OllamaError.modelNotFound` when it does not exist.
    public func delete(_ model: String, timeout: Duration? = nil) async throws {
        let request = DeleteRequest(model: model)
        _ = try await send(Call(method: "DELETE", path: "/api/delete", body: request, model: model, timeout: timeout))
    }

    /// The models loaded in memory (`GET /api/ps`).
    public func runningModels(timeout: Duration? = nil) async throws -> ProcessResponse {
        try await decode(Call(method: "GET", path: "/api/ps", timeout: timeout))
    }
}
