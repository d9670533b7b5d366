/// How often and how soon a request that failed transiently (refused, reset, 503) is sent again.
///
/// The wait before retry `n` (1-based) is `baseDelay · 2^(n-1)`, capped at `maxDelay`, then jittered to a random
/// point in its upper half, so clients that failed together do not come back together.
public struct RetryPolicy: Sendable, Equatable {
    /// Retries after the first attempt; 0 sends every request once.
    public var maxRetries: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(maxRetries: Int = 2, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(2)) {
        self.maxRetries = max(0, maxRetries)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Every request is sent once.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The wait before retry `retry` (1-based), jittered.
    public func delay(beforeRetry retry: Int) -> Duration {
        let ceiling = self.ceiling(beforeRetry: retry)
        return ceiling * Double.random(in: 0.5...1)
    }

    /// The un-jittered wait before retry `retry`: exponential, at most `maxDelay`.
    func ceiling(beforeRetry retry: Int) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(1, retry) where delay < maxDelay { delay *= 2 }
        return min(delay, maxDelay)
    }
}
