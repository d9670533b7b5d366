/// An async limit on how many requests are in flight to one Ollama at a time.
///
/// Swift Testing runs tests in parallel; Ollama serves `OLLAMA_NUM_PARALLEL` requests at once and queues the
/// rest, so unbounded requests would only measure the queue. Waiters are served first come, first served.
public actor RequestBudget {
    /// The most requests allowed in flight at once.
    public nonisolated let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Creates a budget of `limit` concurrent requests (at least 1).
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Runs `body` once a permit is free, and frees it when `body` returns or throws.
    ///
    /// A waiting task is not interrupted by cancellation: it takes its turn and `body` sees the cancellation.
    public nonisolated func withPermit<T>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        // The releasing task hands its permit straight to this waiter, so `inFlight` stays counted.
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
