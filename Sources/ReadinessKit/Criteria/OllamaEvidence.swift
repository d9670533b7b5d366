import Foundation
import OllamaKit

/// The answers of the Ollama a config names, each fetched once and shared by every criterion that needs it:
/// reachability (`/api/version`), the installed models (`/api/tags`), each model's `/api/show`, and the
/// performance run. Every request goes through one request budget.
///
/// Each answer is fetched with its own copy of `client` (same configuration, own retry count), so that the
/// retries it needed reach the criteria that use it (`RetryTally`).
///
/// Reachability is checked first, with a short timeout: when Ollama is down every accessor throws the same
/// `CriterionError.ollamaUnreachable`, quickly, instead of each request failing (or hanging) on its own.
public actor OllamaEvidence {
    public nonisolated let config: ReadinessConfig
    public nonisolated let client: OllamaClient
    /// The limit on requests in flight (`thresholds.maxConcurrentRequests`).
    public nonisolated let budget: RequestBudget
    /// How long the reachability check waits for `/api/version`.
    public nonisolated let reachabilityTimeout: Duration

    private var versionTask: Task<Counted<String>, any Error>?
    private var tagsTask: Task<Counted<InstalledModels>, any Error>?
    private var showTasks: [String: Task<Counted<ShowResponse?>, any Error>] = [:]
    private var performanceTask: Task<Counted<PerformanceReport>, any Error>?

    /// An answer and the retries its requests needed.
    private struct Counted<Value: Sendable>: Sendable {
        var value: Value
        var retries: Int
    }

    /// Prepares a client for `config.ollama.host` (timeouts from the config) and a budget of
    /// `thresholds.maxConcurrentRequests`; nothing is sent until an answer is asked for.
    public init(config: ReadinessConfig, reachabilityTimeout: Duration = .seconds(5)) {
        self.config = config
        self.reachabilityTimeout = reachabilityTimeout
        self.client = OllamaClient(.init(
            baseURL: config.ollama.host, connectTimeout: reachabilityTimeout,
            requestTimeout: .seconds(config.thresholds.requestTimeoutSeconds)
        ))
        self.budget = RequestBudget(limit: config.thresholds.maxConcurrentRequests)
    }

    /// Ollama's version; asking for it is the reachability check.
    /// - Throws: `CriterionError.ollamaUnreachable` naming the host, or `.ollamaFailed` for a bad answer.
    public func version() async throws -> String {
        if versionTask == nil {
            let client = freshClient(), budget = budget, timeout = reachabilityTimeout, host = hostDescription
            versionTask = Task {
                do {
                    let version = try await budget.withPermit { try await client.version(timeout: timeout) }.version
                    return Counted(value: version, retries: client.retriesMade)
                } catch let error as OllamaError where error.isUnreachable {
                    throw CriterionError.ollamaUnreachable(host: host)
                } catch {
                    throw CriterionError.ollamaFailed("GET /api/version", detail: "\(error)")
                }
            }
        }
        return try await answer("GET /api/version", versionTask!)
    }

    /// The names of the installed models (`/api/tags`), e.g. "louisville_expert_v3:latest".
    /// - Throws: `CriterionError` when Ollama is unreachable or the list cannot be read.
    public func installedModels() async throws -> InstalledModels {
        _ = try await version()
        if tagsTask == nil {
            let client = freshClient(), budget = budget
            tagsTask = Task {
                do {
                    let names = try await budget.withPermit { try await client.listModels() }.models.map(\.name)
                    return Counted(value: InstalledModels(names), retries: client.retriesMade)
                } catch {
                    throw CriterionError.ollamaFailed("GET /api/tags", detail: "\(error)")
                }
            }
        }
        return try await answer("GET /api/tags", tagsTask!)
    }

    /// What `/api/show` says about `model` (its Modelfile, parameters, system prompt, details), or `nil` when
    /// Ollama does not have it.
    /// - Throws: `CriterionError` when Ollama is unreachable or answers with another error.
    public func show(_ model: String) async throws -> ShowResponse? {
        _ = try await version()
        let key = ModelName.identity(of: model) ?? model
        if showTasks[key] == nil {
            let client = freshClient(), budget = budget
            showTasks[key] = Task {
                do {
                    let shown = try await budget.withPermit { try await client.show(ShowRequest(model: model)) }
                    return Counted(value: shown, retries: client.retriesMade)
                } catch let error as OllamaError where error.isModelNotFound {
                    return Counted(value: nil, retries: client.retriesMade)
                } catch {
                    throw CriterionError.ollamaFailed("POST /api/show for \(model)", detail: "\(error)")
                }
            }
        }
        return try await answer("POST /api/show \(key)", showTasks[key]!)
    }

    /// The performance run over every critical model's test prompts, run once.
    /// - Throws: `CriterionError.ollamaUnreachable` when Ollama is down; failures of single queries are
    ///   outcomes in the report, not errors.
    package func performance() async throws -> PerformanceReport {
        _ = try await version()
        if performanceTask == nil {
            let client = freshClient()
            let run = PerformanceRun(config: config, client: client, budget: budget)
            performanceTask = Task { Counted(value: await run.run(), retries: client.retriesMade) }
        }
        return try await answer("performance", performanceTask!)
    }

    /// A copy of `client` with its own retry count.
    private func freshClient() -> OllamaClient {
        OllamaClient(client.configuration)
    }

    /// The value of a memoized answer, its retries noted in the tally of the criterion asking for it.
    private func answer<Value>(_ name: String, _ task: Task<Counted<Value>, any Error>) async throws -> Value {
        let counted = try await task.value
        RetryTally.current?.record(name, retries: counted.retries)
        return counted.value
    }

    /// The host as the user configured it, redacted for messages, e.g. "http://***@127.0.0.1:11434".
    private var hostDescription: String {
        OllamaHost.redacted(config.ollama.host.absoluteString)
    }
}
