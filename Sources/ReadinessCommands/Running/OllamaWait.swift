import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

/// `check --wait-for-ollama`: polls `GET /api/version` with backoff until Ollama answers or the time is up.
enum OllamaWait {
    /// The backoff between polls: from 0.2 s, doubling up to 2 s.
    static let backoff = RetryPolicy(maxRetries: .max, baseDelay: .milliseconds(200), maxDelay: .seconds(2))

    /// Whether Ollama at `url` answered `/api/version` within `duration`.
    static func answers(_ url: URL, within duration: Duration, clock: ContinuousClock = .init()) async -> Bool {
        let deadline = clock.now + duration
        var poll = 0
        while !Task.isCancelled {
            let remaining = clock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            let limit = min(remaining, .seconds(5))
            let client = OllamaClient(.init(baseURL: url, connectTimeout: limit, requestTimeout: limit, retries: .none))
            if (try? await client.version()) != nil { return true }
            poll += 1
            let pause = min(backoff.delay(beforeRetry: poll), clock.now.duration(to: deadline))
            guard pause > .zero, (try? await Task.sleep(for: pause)) != nil else { return false }
        }
        return false
    }

    /// The problem that makes the check undecided when Ollama never answered.
    static func problem(host: URL, duration: String) -> RunProblem {
        RunProblem(
            .runner, "Ollama at \(OllamaHost.redacted(host.absoluteString)) did not answer GET /api/version within \(duration) (--wait-for-ollama); no run was started",
            action: "Start Ollama ('ollama serve'), check OLLAMA_HOST or --ollama, or wait longer."
        )
    }
}
