import Foundation
import OllamaKit
import StrictJSON

extension ReadinessConfig {
    static func decode(_ root: ConfigNode, from url: URL, environment: [String: String]) throws -> ReadinessConfig {
        try ConfigDecoder(base: url.deletingLastPathComponent(), file: root.file, environment: environment).config(root, url: url)
    }
}

/// Validates the JSON tree of a readiness.json section by section; the first problem found is thrown.
struct ConfigDecoder {
    let base: URL
    let file: String
    let environment: [String: String]

    private static let example = "see fixtures/mirador/readiness.json for an example"

    /// READINESS_STATE_DIR against the working directory, else `.readiness` beside the file.
    var stateFolder: URL {
        guard let named = environment[ReadinessConfig.stateFolderVariable], !named.isEmpty else {
            return base.appendingPathComponent(".readiness", isDirectory: true)
        }
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return PathResolver.resolve(named, against: workingDirectory, environment: environment)
    }
    func config(_ root: ConfigNode, url: URL) throws -> ReadinessConfig {
        let top = try root.object(
            allowed: ["ollama", "thresholds", "models", "backup", "migration", "documentation", "severities", "gates", "judge", "deadlineSeconds", "watch"],
            fix: "Write the configuration as a JSON object; \(Self.example)."
        )
        // Sections are checked in the schema's order, so the error reported is the first one in the file.
        let (server, listed) = try ollama(optional(top, "ollama"))
        let limits = try thresholds(optional(top, "thresholds"))
        let modelsNode = try required(top, "models", in: root, fix: "Add the list of models to check; \(Self.example).")
        let models = try self.models(modelsNode, hosts: HostChoice(listed: listed, serving: server.hosts))
        try requireCriticalModel(onEvery: HostChoice(listed: listed, serving: server.hosts), models: models, node: modelsNode)
        let backupSection = try optional(top, "backup").map(backup)
        let migrationSection = try optional(top, "migration").map(migration)
        let documents = try optional(top, "documentation").map { try documentation($0, models: models) } ?? []
        let severities = try optional(top, "severities").map(self.severities) ?? [:]
        var config = ReadinessConfig(
            file: url,
            ollama: server,
            thresholds: limits,
            models: models,
            backup: backupSection,
            migration: migrationSection,
            documentation: documents,
            gates: try optional(top, "gates").map { try gates($0, severities: severities) } ?? [ReadinessConfig.defaultGate(severities: severities)],
            judge: try optional(top, "judge").map(judge),
            severities: severities,
            deadlineSeconds: try optional(top, "deadlineSeconds").map {
                try bounded($0, 1...86_400, "a whole number of seconds from 1 to 86400", fix: "Give the whole run's time limit in seconds, e.g. 3600.")
            },
            stateFolder: stateFolder
        )
        config.watch = try ReadinessConfig.Watch(optional(top, "watch"))
        return config
    }

    // MARK: Sections

    /// The `ollama` section with the environment's overrides applied, and the hosts as the file lists them.
    private func ollama(_ node: ConfigNode?) throws -> (ReadinessConfig.Ollama, listed: [URL]) {
        let members = try node?.object(
            allowed: ["host", "hosts", "minimumVersion", "modelsPath"], fix: "Give host (or hosts), minimumVersion and modelsPath."
        ) ?? [:]
        let listed = try hosts(members)
        var minimumVersion: String?
        if let versionNode = optional(members, "minimumVersion") {
            let version = try versionNode.string("a version such as '0.5.0'", fix: "Write the lowest acceptable Ollama version.")
            let parts = version.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                throw versionNode.mismatch("a version such as '0.5.0'", fix: "Write the lowest acceptable Ollama version.")
            }
            minimumVersion = version
        }
        let modelsPath = try optional(members, "modelsPath").map { try path($0, of: "the folder holding Ollama's models") }
        let server = ReadinessConfig.Ollama(
            hosts: try overriddenHosts(listed), minimumVersion: minimumVersion,
            modelsPath: modelsPath ?? DiskProbe.defaultModelsPath(environment: environment)
        )
        return (server, listed)
    }

    private func thresholds(_ node: ConfigNode?) throws -> ReadinessConfig.Thresholds {
        var thresholds = ReadinessConfig.Thresholds()
        guard let node else { return thresholds }
        let members = try node.object(
            allowed: ["successRate", "averageResponseSeconds", "quality", "diskUsedFraction", "requestTimeoutSeconds", "maxConcurrentRequests", "rounds"]
                + Self.performanceThresholdKeys,
            fix: "Give the thresholds as an object."
        )
        func fraction(_ key: String, _ keyPath: WritableKeyPath<ReadinessConfig.Thresholds, Double>) throws {
            guard let child = optional(members, key) else { return }
            let expected = "a fraction greater than 0 and at most 1"
            let value = try child.number(expected, fix: "Write it as a decimal, e.g. 0.8 for 80%.")
            guard value > 0, value <= 1 else { throw child.mismatch(expected, fix: "Write it as a decimal, e.g. 0.8 for 80%.") }
            thresholds[keyPath: keyPath] = value
        }
        // Upper bounds keep a typo from becoming a Duration overflow or a run of millions of queries.
        func seconds(_ key: String, _ keyPath: WritableKeyPath<ReadinessConfig.Thresholds, Double>) throws {
            guard let child = optional(members, key) else { return }
            let expected = "a number of seconds greater than 0 and at most 3600"
            let value = try child.number(expected, fix: "Write the limit in seconds, e.g. 30.")
            guard value > 0, value <= 3600 else { throw child.mismatch(expected, fix: "Write the limit in seconds, e.g. 30.") }
            thresholds[keyPath: keyPath] = value
        }
        func count(_ key: String, _ keyPath: WritableKeyPath<ReadinessConfig.Thresholds, Int>, _ range: ClosedRange<Int>, fix: String) throws {
            guard let child = optional(members, key) else { return }
            thresholds[keyPath: keyPath] = try bounded(child, range, "a whole number from \(range.lowerBound) to \(range.upperBound)", fix: fix)
        }
        try fraction("successRate", \.successRate)
        try seconds("averageResponseSeconds", \.averageResponseSeconds)
        try fraction("quality", \.quality)
        try fraction("diskUsedFraction", \.diskUsedFraction)
        try seconds("requestTimeoutSeconds", \.requestTimeoutSeconds)
        try count("maxConcurrentRequests", \.maxConcurrentRequests, 1...64, fix: "Write how many requests Ollama serves at once (OLLAMA_NUM_PARALLEL), e.g. 2.")
        try count("rounds", \.rounds, 1...100, fix: "Write how many times each prompt is sent, e.g. 3.")
        try performanceThresholds(members, into: &thresholds)
        return thresholds
    }

    private func models(_ node: ConfigNode, hosts: HostChoice) throws -> [ReadinessConfig.Model] {
        let elements = try node.array("a non-empty list of models", fix: "Add at least one model with a name and test prompts.", allowEmpty: false)
        var models: [ReadinessConfig.Model] = []
        // Positions by name identity and by migration order: each check is a lookup, not a scan of the fleet.
        var byIdentity: [String: Int] = [:], byOrder: [Int: Int] = [:]
        for element in elements {
            let model = try self.model(element, hosts: hosts)
            let identity = ModelName.identity(of: model.name) ?? model.name
            if let earlier = byIdentity[identity] {
                throw ConfigError.invalidValue(
                    file, keyPath: element.path.appending("name").description,
                    problem: "'\(model.name)' is the same Ollama model as models[\(earlier)].name '\(models[earlier].name)'",
                    fix: "Give each model a distinct name (names are case-insensitive and 'x' means 'x:latest')."
                )
            }
            if let order = model.migrationOrder, let earlier = byOrder[order] {
                throw ConfigError.invalidValue(
                    file, keyPath: element.path.appending("migrationOrder").description,
                    problem: "migration order \(order) is already used by models[\(earlier)] ('\(models[earlier].name)')",
                    fix: "Give each model its own position in the migration order."
                )
            }
            byIdentity[identity] = models.count
            if let order = model.migrationOrder { byOrder[order] = models.count }
            models.append(model)
        }
        return models
    }

    private func model(_ node: ConfigNode, hosts: HostChoice) throws -> ReadinessConfig.Model {
        let members = try node.object(
            allowed: ["name", "critical", "buildPriority", "migrationOrder", "modelfile", "prompts", "hosts"],
            fix: "Describe each model as an object with a name and test prompts."
        )
        let nameNode = try required(members, "name", in: node, fix: "Add the model's Ollama name, e.g. \"name\": \"financial_planning_expert_v6\".")
        // Fields are checked in the schema's order, so the error reported is the first one in the file.
        let name = try modelName(nameNode)
        let critical = try optional(members, "critical").map { try $0.bool(fix: "Write true if the model's failures must block a gate, else false.") }
        let buildPriority = try optional(members, "buildPriority").map(positiveInteger)
        let migrationOrder = try optional(members, "migrationOrder").map(positiveInteger)
        let modelfile = try optional(members, "modelfile").map { try path($0, of: "the model's Modelfile") }
        let prompts = try required(members, "prompts", in: node, fix: "Add at least one test prompt with the keywords its answer must contain.")
            .array("a non-empty list of test prompts", fix: "Add at least one { \"prompt\": …, \"expect\": […] }.", allowEmpty: false)
        return .init(
            name: name, critical: critical ?? true, buildPriority: buildPriority, migrationOrder: migrationOrder,
            modelfile: modelfile, prompts: try prompts.map(prompt),
            hosts: try optional(members, "hosts").map { try self.hosts(of: name, $0, choice: hosts) }
        )
    }

    private func prompt(_ node: ConfigNode) throws -> ReadinessConfig.Prompt {
        let members = try node.object(allowed: ["prompt", "expect", "system"], fix: "Write each test prompt as { \"prompt\": …, \"expect\": […] }.")
        let text = try required(members, "prompt", in: node, fix: "Add the question to send to the model.")
            .string("a non-empty prompt", fix: "Write the question to send to the model.")
        let expectNode = try required(members, "expect", in: node, fix: "Add the keywords the answer must contain.")
        let keywords = try expectNode.array("a non-empty list of keywords", fix: "Add at least one keyword the answer must contain.", allowEmpty: false)
        return .init(
            prompt: text,
            expect: try keywords.map { try $0.string("a keyword (a non-empty string)", fix: "Write the word or phrase the answer must contain.") },
            system: try optional(members, "system").map { try $0.string("a system prompt", fix: "Write the system prompt as a string, or remove it.", allowEmpty: true) }
        )
    }

    private func backup(_ node: ConfigNode) throws -> ReadinessConfig.Backup {
        let members = try node.object(allowed: ["scripts", "directory"], fix: "Give the backup scripts and directory.")
        let scripts = try required(members, "scripts", in: node, fix: "List the backup scripts, e.g. [\"scripts/backup_models.sh\"].")
            .array("a non-empty list of script paths", fix: "List at least one backup script.", allowEmpty: false)
        return .init(
            scripts: try scripts.map { try path($0, of: "a backup script") },
            directory: try optional(members, "directory").map { node in
                let value = try node.string("a path to the backup folder", fix: "Write it relative to the state folder, or absolute.")
                return PathResolver.resolve(value, against: stateFolder, environment: environment)
            } ?? stateFolder.appendingPathComponent("backups")
        )
    }

    private func migration(_ node: ConfigNode) throws -> ReadinessConfig.Migration {
        let members = try node.object(allowed: ["scripts"], fix: "Give the migration scripts.")
        let scripts = try required(members, "scripts", in: node, fix: "List the migration scripts.")
            .array("a non-empty list of migration scripts", fix: "List at least one { \"path\": …, \"dryRun\": […] }.", allowEmpty: false)
        return .init(scripts: try scripts.map { script in
            let fields = try script.object(allowed: ["path", "dryRun"], fix: "Write each script as { \"path\": …, \"dryRun\": [arguments] }.")
            let arguments = try optional(fields, "dryRun").map { list in
                try list.array("a list of arguments", fix: "List the dry run's arguments, e.g. [\"--dry-run\"].")
                    .map { try $0.string("an argument (a string)", fix: "Write each argument as a string.", allowEmpty: true) }
            }
            let pathNode = try required(fields, "path", in: script, fix: "Add the script's path.")
            return .init(path: try path(pathNode, of: "a migration script"), dryRun: arguments)
        })
    }

    private func documentation(_ node: ConfigNode, models: [ReadinessConfig.Model]) throws -> [ReadinessConfig.Document] {
        let names = Set(models.compactMap { ModelName.identity(of: $0.name) })
        return try node.array("a list of documents", fix: "List the documents as [{ \"path\": … }].").map { entry -> ReadinessConfig.Document in
            let fields = try entry.object(allowed: ["path", "describes"], fix: "Write each document as { \"path\": …, \"describes\": [models] }.")
            let pathNode = try required(fields, "path", in: entry, fix: "Add the document's path.")
            let described = try optional(fields, "describes").map { list in
                try list.array("a list of model names", fix: "List the models this document describes.").map { nameNode in
                    let name = try modelName(nameNode)
                    guard let identity = ModelName.identity(of: name), names.contains(identity) else {
                        throw nameNode.error("'\(name)' is not one of the models in this file", fix: "Use a name from models[].name or remove it.")
                    }
                    return name
                }
            }
            return .init(path: try path(pathNode, of: "a document"), describes: described ?? [])
        }
    }

    private func severities(_ node: ConfigNode) throws -> [String: CriterionResult.Severity] {
        let fix = "Write { \"criterion-id\": \"recommended\" } for a catalog criterion, or \"critical\"."
        let members = try node.object(allowed: Criterion.all.map(\.id), fix: fix)
        return try members.mapValues { child in
            let text = try child.string("'critical' or 'recommended'", fix: fix)
            guard let severity = CriterionResult.Severity(rawValue: text) else {
                throw child.mismatch("'critical' or 'recommended'", fix: fix)
            }
            return severity
        }
    }

    private func gates(_ node: ConfigNode, severities: [String: CriterionResult.Severity]) throws -> [ReadinessConfig.Gate] {
        let entries = try node.members("an object of gates", fix: "Define at least one gate, or remove 'gates' to use the default phase2 gate.")
        return try entries.sorted { $0.key < $1.key }.map { name, gateNode in
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw gateNode.error("a gate has an empty name", fix: "Name the gate, e.g. \"phase2\".")
            }
            let fields = try gateNode.object(
                allowed: ["description", "criteria", "allCritical"], fix: "Write the gate as { \"criteria\": [ids], \"allCritical\": true }.")
            let criteriaNode = try required(fields, "criteria", in: gateNode, fix: "List the criterion ids this gate requires.")
            let criteria = try criteriaNode.array("a non-empty list of criterion ids", fix: "List the criteria this gate requires, e.g. \"models-available\".", allowEmpty: false)
            let gate = ReadinessConfig.Gate(
                name: name,
                description: try optional(fields, "description").map { try $0.string(fix: "Describe the gate in a sentence, or remove it.") },
                criteria: try criteria.map(criterionID),
                allCritical: try optional(fields, "allCritical").map {
                    try $0.bool(fix: "Write true to also require every critical criterion the run records, else false.")
                } ?? false
            )
            let catalog = gate.criteria.compactMap { id in Criterion.all.first { $0.id == id } }
            // A gate whose every criterion only warns can never say NOT READY: it would pass anything.
            if !gate.allCritical, catalog.count == gate.criteria.count, catalog.allSatisfy({ (severities[$0.id] ?? $0.severity) == .recommended }) {
                throw criteriaNode.error(
                    "gate '\(name)' has only recommended criteria (\(gate.criteria.joined(separator: ", "))), so no failure could block it",
                    fix: "Add a critical criterion, set \"allCritical\": true, or make one critical under \"severities\"."
                )
            }
            return gate
        }
    }

    /// A gate's criterion id: a catalog id, or a user's own that is not a near miss of one (a typo would leave
    /// the catalog criterion out of the gate).
    private func criterionID(_ node: ConfigNode) throws -> String {
        let id = try node.string("a criterion id (a non-empty string)", fix: "Write the id, e.g. \"models-available\".")
        let near = Criterion.all.map(\.id).first { $0 != id && KeySuggestion.distance(id.lowercased(), $0) <= 2 }
        if let near {
            throw node.error("unknown criterion '\(id)' (did you mean '\(near)'?)", fix: "Rename it to '\(near)', or give your own criterion an id that is not a near miss of a catalog one.")
        }
        return id
    }

    private func judge(_ node: ConfigNode) throws -> ReadinessConfig.Judge {
        let members = try node.object(allowed: ["model", "weight"], fix: "Write the judge as { \"model\": …, \"weight\": 0.5 }.")
        let model = try modelName(try required(members, "model", in: node, fix: "Name the Ollama model that grades the answers."))
        var weight = 0.5
        if let weightNode = optional(members, "weight") {
            let expected = "a fraction greater than 0 and at most 1"
            weight = try weightNode.number(expected, fix: "Write the judge's share of the quality score, e.g. 0.5.")
            guard weight > 0, weight <= 1 else { throw weightNode.mismatch(expected, fix: "Write the judge's share of the quality score, e.g. 0.5.") }
        }
        return .init(model: model, weight: weight)
    }

    // MARK: Values

    /// A present, non-null member.
    func optional(_ members: [String: ConfigNode], _ key: String) -> ConfigNode? {
        guard let node = members[key], !node.isNull else { return nil }
        return node
    }

    func required(_ members: [String: ConfigNode], _ key: String, in parent: ConfigNode, fix: String) throws -> ConfigNode {
        guard let node = optional(members, key) else { throw parent.error("missing required key '\(key)'", fix: fix) }
        return node
    }

    private func bounded(_ node: ConfigNode, _ range: ClosedRange<Int>, _ expected: String, fix: String) throws -> Int {
        let value = try node.integer(expected, fix: fix)
        guard range.contains(value) else { throw node.mismatch(expected, fix: fix) }
        return value
    }

    private func positiveInteger(_ node: ConfigNode) throws -> Int {
        let expected = "a whole number of at least 1"
        let value = try node.integer(expected, fix: "Write a count or position starting at 1.")
        guard value >= 1 else { throw node.mismatch(expected, fix: "Write a count or position starting at 1.") }
        return value
    }

    private func modelName(_ node: ConfigNode) throws -> String {
        let fix = "Write the name as `ollama list` shows it, e.g. \"financial_planning_expert_v6\"."
        let name = try node.string("an Ollama model name", fix: fix)
        do {
            _ = try ModelName(name)
        } catch {
            // OllamaError's sentence names the part that breaks Ollama's rules; the fix follows it.
            throw node.error(String(describing: error).trimmingCharacters(in: CharacterSet(charactersIn: ".")), fix: fix)
        }
        return name
    }

    /// The URL a client connects to for an `OLLAMA_HOST`-style value, by Ollama's rules; `nil` when unusable.
    static func connectableURL(_ value: String) -> URL? {
        (try? OllamaHost(parsing: value))?.connectable.url
    }

    private func path(_ node: ConfigNode, of what: String) throws -> URL {
        let value = try node.string("a path to \(what)", fix: "Write the path relative to this file's folder.")
        return PathResolver.resolve(value, against: base, environment: environment)
    }
}

// MARK: Performance thresholds (readiness perf and the Performance suite)

extension ConfigDecoder {
    /// The optional keys of `thresholds` that gate the performance run beyond the average response time.
    static let performanceThresholdKeys = ["p95ResponseSeconds", "timeToFirstTokenSeconds", "minimumTokensPerSecond", "passRounds"]

    /// Reads the performance keys of `thresholds` (after `rounds`, which `passRounds` may not exceed).
    func performanceThresholds(_ members: [String: ConfigNode], into thresholds: inout ReadinessConfig.Thresholds) throws {
        func positive(_ key: String, unit: String, example: String) throws -> Double? {
            guard let child = optional(members, key) else { return nil }
            let expected = "a number of \(unit) greater than 0"
            let value = try child.number(expected, fix: "Write it in \(unit), e.g. \(example).")
            guard value > 0, value.isFinite else { throw child.mismatch(expected, fix: "Write it in \(unit), e.g. \(example).") }
            return value
        }
        thresholds.p95ResponseSeconds = try positive("p95ResponseSeconds", unit: "seconds", example: "45")
        thresholds.timeToFirstTokenSeconds = try positive("timeToFirstTokenSeconds", unit: "seconds", example: "2")
        thresholds.minimumTokensPerSecond = try positive("minimumTokensPerSecond", unit: "tokens per second", example: "10")
        if let child = optional(members, "passRounds") {
            let value = try positiveInteger(child)
            guard value <= thresholds.rounds else {
                throw child.error(
                    "passRounds \(value) is more than rounds \(thresholds.rounds)",
                    fix: "Make passRounds (the k of k-of-n) at most rounds, e.g. rounds 3 and passRounds 2.")
            }
            thresholds.passRounds = value
        }
    }
}
