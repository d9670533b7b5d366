import Synchronization

/// The retries of requests to Ollama that the answers one criterion used needed, gathered while it is evaluated
/// (`OllamaEvidence` reports each answer it hands out to the tally of the current task).
final class RetryTally: Sendable {
    /// The tally of the criterion being evaluated, set by `Checklist`.
    @TaskLocal static var current: RetryTally?

    private let retries = Mutex<[String: Int]>([:])

    /// Notes that `answer` (e.g. "GET /api/tags") took `count` retries; an answer used twice counts once.
    func record(_ answer: String, retries count: Int) {
        retries.withLock { $0[answer] = count }
    }

    var total: Int { retries.withLock { $0.values.reduce(0, +) } }

    /// Adds the `retries` metric to `result` when there were any, and says so in the message of a pass.
    func annotate(_ result: inout CriterionResult) {
        let total = total
        guard total > 0 else { return }
        result.metrics[CriterionResult.Metric.retries] = Double(total)
        if result.passed {
            result.message += " (passed after \(total) \(total == 1 ? "retry" : "retries") of requests to Ollama)"
        }
    }
}
