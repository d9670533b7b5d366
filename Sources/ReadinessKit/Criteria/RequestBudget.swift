/// An async limit on how many requests are in flight to one Ollama at a time.
///
/// Swift Testing runs tests in parallel; Ollama serves `OLLAMA_NUM_PARALLEL` requests at once and queues the
/// rest, so unbounded requests would only measure the queue. Waiters are served first come, first served.
public actor RequestBudget {
    /// The most requests allowed in flight at once.
    public nonisolated let limit: Int
    private var inFlight = 0
    /// Waiters in arrival order; those before `nextWaiter` were served. A head index instead of `removeFirst`
    /// keeps each release O(1) when thousands of queries queue at once.
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var nextWaiter = 0

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
        guard nextWaiter < waiters.count else {
            inFlight -= 1
            return
        }
        let waiter = waiters[nextWaiter]
        nextWaiter += 1
        if nextWaiter == waiters.count {
            waiters.removeAll(keepingCapacity: true)
            nextWaiter = 0
        }
        waiter.resume()
    }
}
