extension OllamaClient {
    /// How many retries this client (and every copy of it) has made so far.
    public var retriesMade: Int { retryCounter.value }

    /// Runs `attempt` until it succeeds, fails for good, or `configuration.retries` is spent.
    ///
    /// `attempt` sets `responded` once any byte of an answer arrived. A retry follows only a transient failure
    /// of a call that is safe to repeat: a refused connection, or one closed or reset before any answer, for
    /// reads, `/api/show` and generate/chat; a 503 for reads and `/api/show`. Never a 4xx, a decoding error,
    /// or a stream that had started.
    func withRetries<T>(_ call: Call, _ attempt: (_ responded: inout Bool) async throws -> T) async throws -> T {
        let policy = configuration.retries
        var retry = 0
        while true {
            var responded = false
            do {
                return try await attempt(&responded)
            } catch let error as OllamaError where retry < policy.maxRetries && isRetryable(error, of: call, responded: responded) {
                retry += 1
                retryCounter.record()
                try await Task.sleep(for: policy.delay(beforeRetry: retry))
            }
        }
    }

    private func isRetryable(_ error: OllamaError, of call: Call, responded: Bool) -> Bool {
        let readsOnly = ["GET", "HEAD"].contains(call.method) || ["/api/show", "/api/tags", "/api/version"].contains(call.path)
        let generates = ["/api/generate", "/api/chat"].contains(call.path)
        if error.httpStatus == 503 { return readsOnly }
        return error.isConnectionFailure && !responded && (readsOnly || generates)
    }
}
