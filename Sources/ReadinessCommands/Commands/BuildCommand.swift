import FleetKit
import Foundation
import OllamaKit

/// `readiness build`: step 2 of the action plan, through Ollama's API instead of a script.
struct BuildCommand: Subcommand {
    static let spec = CommandSpec(
        name: "build",
        abstract: "Build the missing models from their Modelfiles, dependencies first (pulling a missing base).",
        discussion: """
            Builds every model of readiness.json that Ollama lacks, through /api/pull and /api/create, in the
            diagnosis's build order: a model built FROM another fleet model comes after it, then buildPriority.
            Models Ollama has are skipped and nothing is deleted, so it is safe to run again. It stops at the
            first failure. A build that sent a request appends a line to .readiness/history.jsonl beside
            readiness.json. Exit 0 when every missing model was built (or, with --dry-run, could be), 1 when a
            build failed, 2 when it cannot tell (Ollama unreachable, a bad config, a dependency cycle).
            """,
        arguments: FleetSession.arguments + [dryRunFlag],
        examples: [
            .init("readiness build --dry-run", "Print what would be pulled and created, in order, and send nothing."),
            .init("readiness build --ollama 127.0.0.1:11434", "Build the missing models on that Ollama."),
        ]
    )
    static let dryRunFlag = Flag("--dry-run", help: "print the plan and send no pull or create request")

    var target: FleetSession.Target
    var dryRun: Bool

    init(_ arguments: ParsedArguments) throws {
        target = try FleetSession.Target(arguments)
        dryRun = arguments.isSet(Self.dryRunFlag)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(target, context: context) else { return .undecided }
        let options = FleetBuilder.Options(dryRun: dryRun, timeout: .seconds(session.config.thresholds.requestTimeoutSeconds))
        do {
            let build = try await FleetBuilder.build(session.config, client: session.client, options: options)
            let lines = BuildText.render(build).split(separator: "\n").map(String.init)
            context.say(lines)
            // A build that sent a pull or create starts the fleet's history; a dry run or nothing to build
            // changed nothing, so it only joins a history already started.
            let changed = build.steps.contains { $0.status == .built || $0.status.isFailure }
            let outcome = build.dryRun ? "dry-run" : build.succeeded ? "ok" : "failed"
            session.record("build", outcome: outcome, ollamaVersion: await session.ollamaVersion(), changes: lines, ifStarted: build.dryRun || !changed)
            return build.succeeded ? .success : .notReady
        } catch {
            context.error("\(error)")
            session.record("build", outcome: "undecided", ollamaVersion: nil, changes: ["\(error)"], ifStarted: true)
            return .undecided
        }
    }
}
