import FleetKit
import Foundation
import OllamaSimulator
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// `readiness watch` against ollama-sim in-process: step 1 migrated, step 2 gated, each with its baseline.
@Suite(.timeLimit(.minutes(1)))
struct WatchCommandTests {
    static let first = "matthew_context_provider_v2", second = "louisville_expert_v3"

    /// The healthy fleet with step 2's model answering in about 2.5 s, and twice as slowly after `degradeAfter`
    /// requests when given: each round sends each model its two test prompts.
    static func scenario(degradeAfter: Int?) throws -> Scenario {
        var scenario = try Scenario.load(from: DomainFixtures.root.appendingPathComponent("fixtures/scenarios/healthy.json"))
        let index = try #require(scenario.models.firstIndex { $0.name == second })
        scenario.models[index].behaviour.latency = .fixed(2.5)
        scenario.models[index].behaviour.degradation = degradeAfter.map { .init(afterRequests: $0, latencyFactor: 2) }
        return scenario
    }

    /// The tolerances of these tests: the defaults with a margin of 2 s, as a loaded test machine can hold a
    /// request back for a second or more; step 2's model is slow enough (2.5 s) that its doubling clears it.
    static let tolerances = #"  "watch": { "tolerances": { "latencyMarginSeconds": 2 } },"#

    /// The `readiness` executable `swift test` builds beside this test binary.
    static let executable: URL? = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("readiness")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    /// `readiness ARGUMENTS` as a process of its own, as a CI job runs it. Watch measures latencies: in this
    /// process, the URLSession callbacks of its client share the dispatch pool with hundreds of other tests,
    /// which can hold an answer back for seconds; in its own process, as in real use, they do not.
    static func process(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) async throws -> (status: Int32, out: String, err: String) {
        let executable = try #require(Self.executable, "no readiness executable beside \(CommandLine.arguments[0])")
        let base = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "TMPDIR"].contains($0.key) }
        let result = try await Subprocess.run(
            executable.path, arguments, currentDirectory: folder, environment: base.merging(environment) { $1 }, timeout: .seconds(50))
        return (result.status, result.stdout, result.stderr)
    }

    /// Step 1 migrated and step 2 gated, with baselines near what the simulator measures.
    static func state() -> MigrationState {
        var state = MigrationState(models: DomainFixtures.miradorModels)
        func figures(_ latency: Double) -> [String: Double] {
            [CriterionResult.Metric.successRate: 1, CriterionResult.Metric.quality: 1,
             CriterionResult.Metric.latencyAverage: latency, CriterionResult.Metric.latencyP95: latency]
        }
        state.steps[0].status = .migrated
        state.steps[0].baseline = [first: figures(0.1)]
        state.steps[0].backup = "/backups/1"
        state.steps[1].status = .gated
        state.steps[1].baseline = [first: figures(0.1), second: figures(2.55)]
        state.steps[1].backup = "/backups/2"
        return state
    }

    /// A Mirador copy with `state` as its migration.json, against `scenario`.
    static func with(_ scenario: Scenario, state: MigrationState?, _ body: (MigrationBench) async throws -> Void) async throws {
        try await withSimulator(scenario) { url in
            try await DomainFixtures.withTemporaryDirectory { folder in
                let bench = MigrationBench(folder: folder, config: try GateStepTests.config(in: folder, backups: []), ollama: url)
                let text = try String(contentsOf: bench.config, encoding: .utf8)
                try Data(text.replacingOccurrences(of: "\n  \"gates\": {", with: "\n\(Self.tolerances)\n  \"gates\": {").utf8).write(to: bench.config)
                if let state {
                    try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
                    try JSONEncoder().encode(state).write(to: bench.files.migration)
                }
                try await body(bench)
            }
        }
    }

    @Test func `a model twice as slow after two requests pauses the migration in round 2, and next is refused`() async throws {
        try await Self.with(Self.scenario(degradeAfter: 2), state: Self.state()) { bench in
            let result = try await Self.process(
                ["watch", "--interval", "10ms", "--for", "1m", "--out", "watch"] + bench.options,
                in: bench.folder, environment: ["GITHUB_ACTIONS": "true"])
            #expect(result.status == 3, "\(result.out)\(result.err)")
            #expect(result.out.hasPrefix("Watching 2 models (step 1 migrated, step 2 gated) on \(bench.ollama.absoluteString): a round every 10ms for 1m"))
            // Round 1 is within tolerance; the first round after two requests is not, and there is no third.
            let rounds = result.out.components(separatedBy: "Round ")
            try #require(rounds.count == 3, "\(result.out)")
            #expect(!rounds[1].contains("DEGRADED"), "\(result.out)")
            let row = rounds[2].split(separator: "\n").first { $0.hasPrefix("2     \(Self.second) ") }
            #expect(row?.hasSuffix("DEGRADED: latency_p95_s, latency_avg_s") == true, "\(result.out)")
            #expect(result.out.contains("DEGRADED: \(Self.second) (step 2): latency_p95_s "))
            #expect(result.out.contains("its baseline 2.55 s (tolerance 1.5 times and 2 s, at most 4.55 s)."))
            #expect(result.out.contains("::error title=Readiness watch%3A \(Self.second)::\(Self.second) (step 2): latency_p95_s "))

            let state = try #require(try bench.state())
            let pause = try #require(state.paused)
            #expect(pause.reason.hasPrefix("watch round 2: \(Self.second) (step 2): latency_p95_s "))
            #expect(pause.reason.contains("times its baseline 2.55 s"))
            #expect(state.steps.map(\.status) == Self.state().steps.map(\.status), "watch changes no step")
            #expect(!FileManager.default.fileExists(atPath: bench.files.lock.path))

            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: bench.folder.appendingPathComponent("watch/watch.json"))) as? [String: Any]
            #expect(document?["outcome"] as? String == "degraded")
            #expect(document?["round"] as? Int == 2)

            let next = await bench.run(["migrate", "next"])
            #expect(next.status == .undecided)
            #expect(next.err.contains("refused: the migration is paused since \(pause.since) (watch round 2: \(Self.second)"))
            let again = await ReadinessCLITests.run(["watch", "--once"] + bench.options, in: bench.folder)
            #expect(again.status == .degraded)
            #expect(again.out.hasPrefix("The migration is paused since \(pause.since): watch round 2: "))
            #expect(!again.out.contains("Round"), "a paused migration is not probed")

            let history = HistoryLog.read(bench.files.history).entries
            #expect(history.map { "\($0.command) \($0.outcome)" } == ["watch degraded", "migrate next refused", "watch paused"])
            let watch = try #require(history.first)
            #expect(watch.baseline?[Self.second]?[CriterionResult.Metric.latencyP95] == 2.55)
            #expect((watch.metrics?[Self.second]?[CriterionResult.Metric.latencyP95] ?? 0) > 4.55)
            #expect(watch.metrics?[Self.first] != nil)
            #expect(watch.changes.first?.hasPrefix("paused: watch round 2: \(Self.second)") == true)
        }
    }

    @Test func `a healthy fleet is watched round after round and never paused`() async throws {
        try await Self.with(Self.scenario(degradeAfter: nil), state: Self.state()) { bench in
            // Each round takes about 2.5 s: a second round starts, a third would start after --for.
            let result = try await Self.process(["watch", "--interval", "10ms", "--for", "3s"] + bench.options, in: bench.folder)
            #expect(result.status == 0, "\(result.out)\(result.err)")
            #expect(result.out.contains("Round 2 ("), "\(result.out)")
            #expect(!result.out.contains("DEGRADED"))
            #expect(result.out.hasSuffix("rounds: every watched model (2) within tolerance of its step's baseline.\n"))
            let once = try await Self.process(["watch", "--once"] + bench.options, in: bench.folder)
            #expect(once.status == 0)
            #expect(once.out.components(separatedBy: "Round ").count == 2)
            #expect(once.out.hasSuffix("Healthy: 1 round: every watched model (2) within tolerance of its step's baseline.\n"))
            let unchanged = try bench.state()
            #expect(unchanged == Self.state())
            #expect(bench.history() == ["watch healthy", "watch healthy"])
        }
    }

    @Test func `a migrated model Ollama no longer has answers nothing: success rate 0, and the migration pauses`() async throws {
        var scenario = try Self.scenario(degradeAfter: nil)
        let index = try #require(scenario.models.firstIndex { $0.name == Self.first })
        scenario.models[index].installed = false
        try await Self.with(scenario, state: Self.state()) { bench in
            let result = await bench.run(["watch", "--once"])
            #expect(result.status == .degraded, "\(result.out)\(result.err)")
            #expect(result.out.contains("DEGRADED: \(Self.first) (step 1): success_rate 0 is 1 below its baseline 1 (tolerance 0.1, at least 0.9)."), "\(result.out)")
            #expect(result.out.contains("DEGRADED: \(Self.first) (step 1): no latency_p95_s measured (no query succeeded) against its baseline 0.1."))
            let state = try #require(try bench.state())
            #expect(state.paused?.reason == "watch round 1: \(Self.first) (step 1): success_rate 0 is 1 below its baseline 1 (tolerance 0.1, at least 0.9)")
        }
    }

    @Test func `nothing migrated is nothing to watch; no migration state cannot be watched`() async throws {
        try await Self.with(Self.scenario(degradeAfter: nil), state: nil) { bench in
            let none = await bench.run(["watch", "--once"])
            #expect(none.status == .undecided)
            #expect(none.err == "Error: \(MigrationRefusal.noState("mirador/.readiness/migration.json"))\n")
            #expect(!FileManager.default.fileExists(atPath: bench.files.folder.path), "a wrong folder is left clean")

            try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(MigrationState(models: DomainFixtures.miradorModels)).write(to: bench.files.migration)
            let pending = await bench.run(["watch", "--once"])
            #expect(pending.status == .success)
            #expect(pending.out == "Nothing to watch: no step of the migration is migrated or gated (mirador/.readiness/migration.json). 'readiness migrate next' gates the next step.\n")
            #expect(bench.history() == ["watch nothing-to-watch"])
        }
    }

    @Test func `with several hosts, watch needs --ollama: probing the first alone could miss a degraded host`() async throws {
        try await Self.with(Self.scenario(degradeAfter: nil), state: Self.state()) { bench in
            let text = try String(contentsOf: bench.config, encoding: .utf8)
            let twoHosts = text.replacingOccurrences(of: #""host": "http://127.0.0.1:11434""#, with: #""hosts": ["http://127.0.0.1:11434", "http://127.0.0.1:11435"]"#)
            #expect(twoHosts != text)
            try Data(twoHosts.utf8).write(to: bench.config)
            let result = await bench.run(["watch", "--once"], ollama: false)
            #expect(result.status == .undecided)
            #expect(result.err == "Error: readiness.json lists 2 Ollama hosts and watch probes one: give --ollama URL for the host to watch (a watch per host), so that none goes unwatched\n")
            #expect(try bench.state()?.paused == nil)
            let one = await bench.run(["watch", "--once"])
            #expect(one.status == .success, "\(one.err)")
        }
    }

    @Test func `a step without a baseline, or Ollama down, is undecided and pauses nothing`() async throws {
        var state = Self.state()
        state.steps[1].baseline = nil
        try await Self.with(Self.scenario(degradeAfter: nil), state: state) { bench in
            let result = await bench.run(["watch", "--once"])
            #expect(result.status == .undecided)
            #expect(result.err.hasPrefix("Error: step 2 (\(Self.second)) is gated but mirador/.readiness/migration.json holds no baseline of it, so it cannot be judged"))
            let state = try bench.state()
            #expect(state?.paused == nil)
        }
        try await Self.with(Self.scenario(degradeAfter: nil), state: Self.state()) { bench in
            // An earlier healthy round's watch.json must not stay behind to be read as this run's.
            try DomainFixtures.write(#"{"outcome": "healthy"}"#, to: "watch/watch.json", in: bench.folder)
            let result = await ReadinessCLITests.run(["watch", "--once", "--out", "watch", "--config", bench.config.path, "--ollama", "http://127.0.0.1:9"], in: bench.folder)
            #expect(result.status == .undecided)
            #expect(result.err.contains("Nothing was judged and the migration is not paused; watch again once Ollama answers."), "\(result.err)")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: bench.folder.appendingPathComponent("watch/watch.json"))) as? [String: Any]
            #expect(document?["outcome"] as? String == "undecided")
            #expect((document?["problem"] as? String)?.hasSuffix("Nothing was judged and the migration is not paused; watch again once Ollama answers.") == true)
            let state = try bench.state()
            #expect(state?.paused == nil)
            #expect(bench.history() == ["watch undecided"])
        }
    }

    @Test func `Ollama stopping while every query is mid-answer is undecided, and the model is not blamed`() async throws {
        var scenario = try Self.scenario(degradeAfter: nil)
        let index = try #require(scenario.models.firstIndex { $0.name == Self.first })
        // Answers that start at once and stream for a minute: cut mid-answer, a query is not retried.
        scenario.models[index].behaviour.latency = .fixed(0.01)
        scenario.models[index].behaviour.tokensPerSecond = 1
        var state = Self.state()
        state.steps[1].status = .pending
        let simulator = try OllamaSimulator.start(scenario: scenario)
        defer { simulator.stop() }
        try await DomainFixtures.withTemporaryDirectory { folder in
            let bench = MigrationBench(folder: folder, config: try GateStepTests.config(in: folder, backups: []), ollama: simulator.baseURL)
            try FileManager.default.createDirectory(at: bench.files.folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(state).write(to: bench.files.migration)
            let watch = Task { try await Self.process(["watch", "--once"] + bench.options, in: bench.folder) }
            // Step 1's two test prompts (2 at once) are both streaming: no query is left to find Ollama gone.
            while simulator.statistics.generationsStarted - simulator.statistics.generationsFinished < 2 {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await Task.sleep(for: .seconds(1))
            simulator.stop()
            let result = try await watch.value
            #expect(result.status == 2, "\(result.out)\(result.err)")
            #expect(result.err.contains("Ollama stopped answering during round 1"), "\(result.err)")
            #expect(!result.out.contains("DEGRADED"), "\(result.out)")
            #expect(try bench.state()?.paused == nil)
            #expect(bench.history() == ["watch undecided"])
        }
    }

    @Test func `a judge that cannot grade leaves quality unmeasured: undecided, never within tolerance`() async throws {
        try await Self.with(Self.scenario(degradeAfter: nil), state: Self.state()) { bench in
            // The baseline's quality was the judge's blend; without a grade only the keyword heuristic is left.
            var text = try String(contentsOf: bench.config, encoding: .utf8)
            text = text.replacingOccurrences(of: Self.tolerances, with: Self.tolerances + "\n  \"judge\": { \"model\": \"no_such_judge\" },")
            try Data(text.utf8).write(to: bench.config)
            let result = try await Self.process(["watch", "--once"] + bench.options, in: bench.folder)
            #expect(result.status == 2, "\(result.out)\(result.err)")
            #expect(result.err.contains("the quality of \(Self.first)'s answers could not be established in round 1: the judge model 'no_such_judge' could not grade the answer"), "\(result.err)")
            #expect(!result.out.contains("Healthy"), "\(result.out)")
            #expect(try bench.state()?.paused == nil)
            #expect(bench.history() == ["watch undecided"])
        }
    }

    @Test func `bad tolerances are a config error naming the key and the fix`() async throws {
        try await Self.with(Self.scenario(degradeAfter: nil), state: Self.state()) { bench in
            var text = try String(contentsOf: bench.config, encoding: .utf8)
            text = text.replacingOccurrences(of: Self.tolerances, with: #"  "watch": { "tolerances": { "latencyP95Factor": 0.5 } },"#)
            try Data(text.utf8).write(to: bench.config)
            let result = await bench.run(["watch", "--once"])
            #expect(result.status == .undecided)
            #expect(result.err.contains("watch.tolerances.latencyP95Factor: expected a growth factor from 1 to 100, found the number 0.5. Write how many times its baseline a model's 95th-percentile latency may become before 'readiness watch' pauses the migration, e.g. 1.5."), "\(result.err)")
            let state = try bench.state()
            #expect(state?.paused == nil)
        }
    }

    @Test(arguments: [
        (["watch", "--once", "--interval", "1s"], "Option '--once' runs one round and takes no '--interval' or '--for'"),
        (["watch", "--interval", "soon"], "--interval 'soon' is not a duration like 30s, 5m, 500ms or 1h"),
        (["watch", "--for", "0s"], "--for '0s' is not a duration like 30s, 5m, 500ms or 1h"),
    ])
    func `bad options are usage errors`(_ arguments: [String], _ message: String) async {
        let result = await ReadinessCLITests.run(arguments)
        #expect(result.status == .undecided)
        #expect(result.err.hasPrefix("Error: \(message)\n\(HelpText.help(WatchCommand.spec).prefix { $0 != "\n" })"), "\(result.err)")
        #expect(result.err.contains("[--for DURATION] [--once]"), "\(result.err)")
    }
}

extension MigrationBench {
    /// `--config` and `--ollama` of the bench.
    var options: [String] { ["--config", config.path, "--ollama", ollama.absoluteString] }
}
