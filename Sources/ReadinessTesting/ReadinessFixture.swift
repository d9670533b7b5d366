import Foundation
import OllamaKit
import ReadinessKit
import Synchronization
import Testing

/// What the readiness suites share: the loaded config, one Ollama client, one request budget and the
/// memoized Ollama answers (reachability, `/api/tags`, `/api/show` per model, the performance run) per host.
///
/// With several hosts (`ollama.hosts`) a criterion that asks Ollama is checked on every host that serves the
/// model (or, fleet-wide, on every host), each host with its own client, budget and answers, and each result
/// names its host. Under `readiness check --shard K/N` (READINESS_SHARD) only the shard's pairs are checked.
///
/// Get it in a test with `try ReadinessFixture.require()` inside a suite marked `.ollamaFixture`. When the
/// config cannot be loaded, the fixture still exists and every criterion it checks fails with the config error.
public final class ReadinessFixture: Sendable {
    /// The fixture of the running suite tree, set by `OllamaFixtureTrait`.
    @TaskLocal public static var current: ReadinessFixture?

    /// The checklist of the loaded config (its evidence is the first host's), or the error that stopped the
    /// config loading.
    public let loaded: Result<Checklist, any Error>
    /// The pairs and shard this run checks, and one checklist per host; `nil` when the config did not load.
    private let hosts: HostChecklists?

    /// Loads the config READINESS_CONFIG names (else ./readiness.json) and prepares a client for each Ollama host.
    public init(environment: [String: String], currentDirectory: URL) {
        let prepared = Result { () throws -> (Checklist, HostChecklists) in
            let url = ReadinessConfig.locate(environment: environment, currentDirectory: currentDirectory)
            let config = try ReadinessConfig.load(from: url, environment: environment)
            let hosts = HostChecklists(plan: CheckPlan(config: config, shard: try Self.shard(environment, file: url)))
            return (Checklist(config: config, evidence: hosts.first.evidence), hosts)
        }
        loaded = prepared.map(\.0)
        hosts = try? prepared.get().1
    }

    /// The shard READINESS_SHARD names, e.g. "2/3"; `nil` when it is not set.
    private static func shard(_ environment: [String: String], file: URL) throws -> Shard? {
        guard let text = environment[Shard.variable], !text.isEmpty else { return nil }
        guard let shard = Shard(parsing: text) else {
            throw ConfigError.invalidValue(
                file.relativePath, keyPath: Shard.variable, problem: "expected a shard K/N with 1 ≤ K ≤ N ≤ \(Shard.maximumCount), found '\(text)'",
                fix: "Set it as 'readiness check --shard K/N' does, e.g. 2/3, or unset it."
            )
        }
        return shard
    }

    /// The one fixture of this process for an environment and folder, so that suite trees marked `.ollamaFixture`
    /// separately (the built-in criteria and a user's own) still share one client, request budget and performance run.
    public static func shared(environment: [String: String], currentDirectory: URL) -> ReadinessFixture {
        let key = SharedKey(environment: environment, currentDirectory: currentDirectory.standardizedFileURL.path)
        return sharedFixtures.withLock { fixtures in
            if let fixture = fixtures[key] { return fixture }
            let fixture = ReadinessFixture(environment: environment, currentDirectory: currentDirectory)
            fixtures[key] = fixture
            return fixture
        }
    }

    private struct SharedKey: Hashable {
        var environment: [String: String]
        var currentDirectory: String
    }

    private static let sharedFixtures = Mutex<[SharedKey: ReadinessFixture]>([:])

    /// The fixture of the running suite tree.
    /// - Throws: An error explaining how to provide one, when the test is not inside a suite marked `.ollamaFixture`.
    public static func require() throws -> ReadinessFixture {
        guard let current else { throw FixtureMissing() }
        return current
    }

    /// The loaded configuration.
    /// - Throws: The `ConfigError` that stopped it loading.
    public var config: ReadinessConfig { get throws { try loaded.get().config } }

    /// The memoized Ollama answers (and the client and request budget behind them).
    /// - Throws: The `ConfigError` that stopped the config loading.
    public var evidence: OllamaEvidence { get throws { try loaded.get().evidence } }

    /// The one client of the run, for `config.ollama.host` (the first host; OLLAMA_HOST overrides the file).
    /// - Throws: The `ConfigError` that stopped the config loading.
    public var client: OllamaClient { get throws { try evidence.client } }

    /// The limit on requests in flight to Ollama; send your own criteria's requests through it too.
    /// - Throws: The `ConfigError` that stopped the config loading.
    public var budget: RequestBudget { get throws { try evidence.budget } }

    /// Evaluates a catalog criterion (for `model`, when it is per model) and records the result.
    public func check(_ criterion: Criterion, model: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) async {
        await check(criterion, model: model, sourceLocation: sourceLocation) { checklist in
            await checklist.evaluate(criterion, model: model)
        }
    }

    /// Evaluates any criterion, including one of your own, with `evaluate`, and records the result; when the
    /// config did not load or `evaluate` throws, records a failure of `criterion` saying why.
    ///
    /// A criterion that needs Ollama is evaluated once per host this run checks it on, each time with that
    /// host's checklist (`checklist.config.ollama.host`, `checklist.evidence`), and each result names the host;
    /// one that does not is evaluated once, by the shard that owns it.
    public func check(
        _ criterion: Criterion, model: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ evaluate: (Checklist) async throws -> CriterionResult
    ) async {
        let result: CriterionResult
        switch loaded {
        case .failure(let error):
            // Fail closed: without a config nothing was checked, so even a recommended criterion fails the test.
            Self.record(criterion.failure(error), failsTest: true, sourceLocation: sourceLocation)
            return
        case .success where model == ReadinessArguments.noCriticalModels:
            result = criterion.result(
                passed: false, message: "readiness.json marks no model critical, so there is nothing to check",
                actions: ["Mark the models that must work with \"critical\": true in readiness.json."]
            )
        case .success(let checklist):
            for target in hosts?.targets(criterion, model: model, whole: checklist) ?? [.init(checklist: checklist)] {
                var result: CriterionResult
                do {
                    result = try await evaluate(target.checklist)
                } catch {
                    result = criterion.failure(model: model, error)
                }
                record(target.stamp(result), sourceLocation: sourceLocation)
            }
            return
        }
        record(result, sourceLocation: sourceLocation)
    }

    /// Attaches `result` as JSON under `result.attachmentName` (the file the runner reads), then fails the
    /// test if a critical criterion failed, or records a warning if a recommended one did.
    public func record(_ result: CriterionResult, sourceLocation: SourceLocation = #_sourceLocation) {
        Self.record(result, sourceLocation: sourceLocation)
    }

    /// `record(_:)` without a fixture, for criteria that need none.
    public static func record(_ result: CriterionResult, sourceLocation: SourceLocation = #_sourceLocation) {
        record(result, failsTest: result.severity == .critical, sourceLocation: sourceLocation)
    }

    /// Attaches `result`; when it failed, records an error (`failsTest`) or a warning.
    private static func record(_ result: CriterionResult, failsTest: Bool, sourceLocation: SourceLocation) {
        CriterionTally.current?.increment()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            Attachment.record([UInt8](try encoder.encode(result)), named: result.attachmentName, sourceLocation: sourceLocation)
        } catch {
            Issue.record(Comment(rawValue: "\(result.id): the result could not be encoded as JSON: \(error)"), sourceLocation: sourceLocation)
        }
        guard !result.passed else { return }
        Issue.record(Comment(rawValue: issueText(result)), severity: failsTest ? .error : .warning, sourceLocation: sourceLocation)
    }

    /// The message, then each fix the message does not already spell out.
    static func issueText(_ result: CriterionResult) -> String {
        let fixes = result.actions.filter { !result.message.contains($0) }.map { "Action: \($0)" }
        return ([result.message] + fixes).joined(separator: "\n")
    }

    /// Thrown by `require()` outside a suite marked `.ollamaFixture`.
    struct FixtureMissing: Error, CustomStringConvertible {
        var description: String {
            "No readiness fixture: declare this suite inside '@Suite(.ollamaFixture) struct Readiness {}' (extension Readiness { @Suite struct … })."
        }
    }
}
