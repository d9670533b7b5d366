import Foundation
import OllamaKit

/// What a readiness run checks, decoded and validated from readiness.json.
///
/// Paths in the file are relative to the file's folder; they are resolved to absolute URLs on load.
public struct ReadinessConfig: Sendable, Equatable {
    /// The file this configuration was loaded from.
    public var file: URL
    public var ollama: Ollama
    public var thresholds: Thresholds
    /// The fleet, in file order.
    public var models: [Model] {
        didSet { modelIndex = Self.index(models) }
    }
    /// Each model's position in `models` by its name's identity, so `model(named:)` is one parse and a lookup.
    private var modelIndex: [String: Int]
    public var backup: Backup?
    public var migration: Migration?
    public var documentation: [Document]
    /// The gates, sorted by name; a "phase2" gate of the critical criteria when the file has none.
    public var gates: [Gate]
    /// An optional judge model whose score is blended with the heuristic quality score.
    public var judge: Judge?
    /// Severities set for catalog criteria by id, overriding the catalog's: e.g. `backup-scripts` as
    /// recommended until the fleet has backup scripts. `swift test`, the default gate and the reports follow it.
    public var severities: [String: CriterionResult.Severity]
    /// The whole run's time limit in seconds (`deadlineSeconds`, 1...86400): `readiness check` stops a run that
    /// passes it and reports it UNDECIDED. `nil`: no limit.
    public var deadlineSeconds: Int?
    /// How `readiness watch` probes the migrated models and its tolerances (`watch`; defaults when absent).
    package var watch = Watch()
    /// readiness.json and the Modelfiles by content as they were when this config was loaded, before any run.
    package var loadedFingerprints = Fingerprints(config: nil, modelfiles: [:])
    /// The one folder a later CI job needs from an earlier one: migration.json, history.jsonl and (unless
    /// `backup.directory` is absolute) the backups. READINESS_STATE_DIR (`--state`), else `.readiness` beside
    /// the file.
    package var stateFolder: URL

    init(
        file: URL, ollama: Ollama, thresholds: Thresholds, models: [Model], backup: Backup?, migration: Migration?,
        documentation: [Document], gates: [Gate], judge: Judge?, severities: [String: CriterionResult.Severity],
        deadlineSeconds: Int?, stateFolder: URL
    ) {
        self.file = file
        self.stateFolder = stateFolder
        self.ollama = ollama
        self.thresholds = thresholds
        self.models = models
        self.modelIndex = Self.index(models)
        self.backup = backup
        self.migration = migration
        self.documentation = documentation
        self.gates = gates
        self.judge = judge
        self.severities = severities
        self.deadlineSeconds = deadlineSeconds
    }

    /// The first model of each identity (readiness.json refuses two names for one model).
    private static func index(_ models: [Model]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, model) in models.enumerated() {
            if let key = ModelName.identity(of: model.name), index[key] == nil { index[key] = position }
        }
        return index
    }

    /// Where the Ollama server is and what it must be.
    public struct Ollama: Sendable, Equatable {
        /// The servers to check, in the order of `ollama.hosts` (or the one `ollama.host`), never empty, after
        /// READINESS_OLLAMA_HOSTS (`--ollama`) or, for one host, OLLAMA_HOST.
        public var hosts: [URL]
        /// The first of `hosts`, the one server of a one-host config (the fleet commands use it); setting it
        /// makes it the only one.
        public var host: URL {
            get { hosts[0] }
            set { hosts = [newValue] }
        }
        /// `hosts` as reports and their results name them: without credentials.
        public var redactedHosts: [String] { hosts.map { OllamaHost.redacted($0.absoluteString) } }
        /// The lowest acceptable `/api/version`, e.g. "0.5.0"; `nil` accepts any.
        public var minimumVersion: String?
        /// The folder holding the models (disk-space criterion): the file's value, else OLLAMA_MODELS, else ~/.ollama/models.
        public var modelsPath: URL
    }

    /// The bars the criteria hold measurements to.
    public struct Thresholds: Sendable, Equatable {
        /// Fraction of test queries that must succeed (strictly more than this).
        public var successRate = 0.80
        /// Average response time must be below this many seconds.
        public var averageResponseSeconds = 30.0
        /// Per-model quality score must be above this (0...1).
        public var quality = 0.6
        /// The disk holding the models must be less used than this fraction.
        public var diskUsedFraction = 0.90
        /// Each request to Ollama gives up after this many seconds.
        public var requestTimeoutSeconds = 120.0
        /// At most this many requests in flight to one Ollama.
        public var maxConcurrentRequests = 2
        /// How many times every prompt is sent in the performance run.
        public var rounds = 1
        /// Optional gate on each model's 95th-percentile response time (nearest rank), in seconds: below it.
        public var p95ResponseSeconds: Double?
        /// Optional gate on each model's average time to first token, in seconds: below it.
        public var timeToFirstTokenSeconds: Double?
        /// Optional gate on each model's average generation speed (`eval_count / eval_duration`): at least it.
        public var minimumTokensPerSecond: Double?
        /// The k of a k-of-n rule for flaky prompts: a prompt passes when at least this many of its `rounds`
        /// rounds succeed; `nil` means every round must (k = n). Never above `rounds`.
        public var passRounds: Int?

        /// The k of the k-of-n rule: `passRounds`, else every round.
        public var roundsToPass: Int { min(passRounds ?? rounds, max(1, rounds)) }

        public init() {}
    }

    /// One model of the fleet.
    public struct Model: Sendable, Equatable {
        /// The Ollama name, e.g. "financial_planning_expert_v6" (":latest" implied).
        public var name: String
        /// Whether the model's failures block a gate (default true).
        public var critical: Bool
        /// Order in which missing models are built (1 first).
        public var buildPriority: Int?
        /// Order in which models are migrated (1 first).
        public var migrationOrder: Int?
        /// The optimized configuration this model must match.
        public var modelfile: URL?
        /// Test prompts every answer is checked against.
        public var prompts: [Prompt]
        /// The hosts that serve it, each one of `Ollama.hosts`, in their order; `nil`: every host.
        public var hosts: [URL]? = nil
    }

    /// A test prompt and the keywords its answer must contain.
    public struct Prompt: Sendable, Equatable {
        public var prompt: String
        /// Keywords (case-insensitive, possibly several words) the answer is expected to contain.
        public var expect: [String]
        /// A system prompt sent with the request, overriding the model's own.
        public var system: String?
    }

    /// Backup scripts and where backups go.
    public struct Backup: Sendable, Equatable {
        public var scripts: [URL]
        /// `backup.directory` inside the state folder when relative (default `backups`), else where it says.
        public var directory: URL
    }

    /// Migration scripts, each optionally tested with a dry run.
    public struct Migration: Sendable, Equatable {
        public var scripts: [Script]

        /// A migration script and the arguments of its dry run (`nil`: not dry-run tested).
        public struct Script: Sendable, Equatable {
            public var path: URL
            public var dryRun: [String]?
        }
    }

    /// A document that must exist, be non-empty and be newer than the Modelfiles of the models it describes.
    public struct Document: Sendable, Equatable {
        public var path: URL
        /// Names of the models it describes (each one of `models`).
        public var describes: [String]
    }

    /// A named set of criteria that must pass together.
    public struct Gate: Sendable, Equatable {
        public var name: String
        public var description: String?
        /// Criterion ids, e.g. "models-available"; each must have run for the gate to be decided.
        public var criteria: [String]
        /// Whether every critical criterion the run records is required too, so a critical criterion a user
        /// adds as a new test blocks the gate without editing its list.
        public var allCritical: Bool

        public init(name: String, description: String? = nil, criteria: [String], allCritical: Bool = false) {
            self.name = name
            self.description = description
            self.criteria = criteria
            self.allCritical = allCritical
        }
    }

    /// A model asked to grade answers, and how much its grade weighs against the heuristic score.
    public struct Judge: Sendable, Equatable {
        public var model: String
        /// Fraction of the final score taken from the judge (0...1].
        public var weight: Double
    }

    /// The gate used when readiness.json defines none: every critical criterion of the catalog, in catalog order.
    public static let defaultGate = defaultGate(severities: [:])

    /// The default gate under `severities`: every catalog criterion that is critical once they apply.
    public static func defaultGate(severities: [String: CriterionResult.Severity]) -> Gate {
        Gate(
            name: "phase2",
            description: "Every critical criterion of the Phase 2 plan passes.",
            criteria: Criterion.all.filter { (severities[$0.id] ?? $0.severity) == .critical }.map(\.id),
            allCritical: true
        )
    }

    /// The severity `criterion` has under this config.
    public func severity(of criterion: Criterion) -> CriterionResult.Severity {
        severities[criterion.id] ?? criterion.severity
    }

    /// The models sorted by `migrationOrder`; models without one follow in file order.
    public var modelsInMigrationOrder: [Model] {
        models.enumerated()
            .sorted { ($0.element.migrationOrder ?? .max, $0.offset) < ($1.element.migrationOrder ?? .max, $1.offset) }
            .map(\.element)
    }

    /// The models whose failures block a gate.
    public var criticalModels: [Model] { models.filter(\.critical) }

    /// The model with this name by Ollama's rules ("x" is "x:latest", case-insensitive), if configured.
    public func model(named name: String) -> Model? {
        ModelName.identity(of: name).flatMap { modelIndex[$0] }.map { models[$0] }
    }

    /// The hosts that serve `model`: its own `hosts`, else every host.
    public func hosts(serving model: Model) -> [URL] {
        model.hosts ?? ollama.hosts
    }

    /// Whether the fleet is behind several Ollama servers, so each result names the host it is about.
    public var hasSeveralHosts: Bool { ollama.hosts.count > 1 }

    /// The environment variable listing the hosts of a run, comma-separated, replacing `ollama.hosts` by
    /// position; `readiness check --ollama URL...` sets it for `swift test`.
    public static let hostsVariable = "READINESS_OLLAMA_HOSTS"

    /// The environment variable naming the state folder (`stateFolder`), relative to the working directory;
    /// `--state DIR` sets it.
    package static let stateFolderVariable = "READINESS_STATE_DIR"

    /// The gate with this name, if defined.
    public func gate(named name: String) -> Gate? {
        gates.first { $0.name == name }
    }

    /// The Modelfiles of the models a document describes (models without one are skipped).
    public func modelfiles(describedBy document: Document) -> [URL] {
        document.describes.compactMap { model(named: $0)?.modelfile }
    }
}

extension ReadinessConfig {
    /// Reads and validates a readiness.json.
    /// - Parameters:
    ///   - url: The file; relative paths inside it resolve against its folder.
    ///   - environment: READINESS_OLLAMA_HOSTS replaces the hosts by position, else OLLAMA_HOST the one host;
    ///     OLLAMA_MODELS and HOME give the default models path.
    /// - Throws: `ConfigError` naming the file, the key path and the fix.
    public static func load(from url: URL, environment: [String: String]) throws -> ReadinessConfig {
        let file = url.relativePath
        guard FileManager.default.fileExists(atPath: url.path) else { throw ConfigError.notFound(file) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConfigError.unreadable(file, reason: (error as NSError).localizedDescription)
        }
        let root = try ConfigNode.parse(data, file: file)
        var config = try decode(root, from: url.standardizedFileURL, environment: environment)
        config.loadedFingerprints = Fingerprints(config: SHA256.hex(data), modelfiles: config.modelfileFingerprints())
        return config
    }

    /// The config file to use: READINESS_CONFIG (relative to `currentDirectory`) if set, else ./readiness.json.
    public static func locate(environment: [String: String], currentDirectory: URL) -> URL {
        if let path = environment["READINESS_CONFIG"], !path.isEmpty {
            return PathResolver.resolve(path, against: currentDirectory, environment: environment)
        }
        return currentDirectory.appendingPathComponent("readiness.json")
    }
}
