/// A streamed completion with the times the client measured itself.
public struct TimedGeneration: Sendable, Equatable {
    /// The whole generated text: every chunk's `response`, in order.
    public var text: String
    /// From sending the request to the first chunk with non-empty text; `nil` when no text came.
    public var timeToFirstToken: Duration?
    /// From sending the request to the end of the stream.
    public var wallTime: Duration
    /// The final chunk (`done == true`), with Ollama's own metrics.
    public var final: GenerateResponse

    public init(text: String, timeToFirstToken: Duration?, wallTime: Duration, final: GenerateResponse) {
        self.text = text
        self.timeToFirstToken = timeToFirstToken
        self.wallTime = wallTime
        self.final = final
    }
}

extension OllamaClient {
    /// Streams a completion and measures time to first token and wall time on the client's clock.
    /// - Throws: `OllamaError` as `generateStream` does, e.g. `.streamEndedEarly` for a truncated stream.
    public func timedGenerate(_ request: GenerateRequest, timeout: Duration? = nil) async throws -> TimedGeneration {
        let clock = ContinuousClock()
        let start = clock.now
        var text = ""
        var firstToken: Duration?
        var final: GenerateResponse?
        for try await chunk in generateStream(request, timeout: timeout) {
            if firstToken == nil, !chunk.response.isEmpty {
                firstToken = start.duration(to: clock.now)
            }
            text += chunk.response
            if chunk.done { final = chunk }
        }
        try Task.checkCancellation()
        guard let final else {
            // generateStream already fails a stream without a final chunk; this keeps the guarantee local.
            throw OllamaError.streamEndedEarly(endpoint: endpoint(Call(method: "POST", path: "/api/generate", timeout: timeout)))
        }
        return TimedGeneration(text: text, timeToFirstToken: firstToken, wallTime: start.duration(to: clock.now), final: final)
    }
}
