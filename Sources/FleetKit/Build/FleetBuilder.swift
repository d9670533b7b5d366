import Foundation
import OllamaKit
import ReadinessKit

/// Builds the fleet's missing models through Ollama's API: dependencies first, pulling a missing base before
/// creating the model from its Modelfile. Models Ollama has are skipped and nothing is ever deleted, so
/// running it again is safe.
package enum FleetBuilder {
    /// How to build.
    package struct Options: Sendable, Equatable {
        /// Plan only: send no pull or create request and return the plan.
        package var dryRun: Bool
        /// The limit for each pull and create request (a pull may download gigabytes); the client's default when `nil`.
        package var timeout: Duration?

        package init(dryRun: Bool = false, timeout: Duration? = nil) {
            self.dryRun = dryRun
            self.timeout = timeout
        }
    }

    /// Diagnoses the fleet, then builds what is missing.
    /// - Parameters:
    ///   - config: The fleet.
    ///   - client: The Ollama to build in.
    ///   - options: Dry run and timeout.
    /// - Returns: One step per missing model; the first failure stops the build and is `failure`.
    /// - Throws: What `FleetDiagnosis.diagnose` throws: Ollama unreachable, a dependency cycle.
    package static func build(
        _ config: ReadinessConfig, client: OllamaClient, options: Options = Options()
    ) async throws -> FleetBuild {
        await build(try await FleetDiagnosis.diagnose(config, client: client), client: client, options: options)
    }

    /// Builds the missing models of `diagnosis` in its build order.
    /// - Returns: One step per missing model; the first failure stops the build and is `failure`.
    package static func build(
        _ diagnosis: FleetDiagnosis, client: OllamaClient, options: Options = Options()
    ) async -> FleetBuild {
        var steps: [FleetBuild.Step] = []
        var pulled: [String] = []
        for model in diagnosis.missing {
            guard !steps.contains(where: \.status.isFailure) else {
                steps.append(.init(model: model.name, actions: [], status: .notAttempted))
                continue
            }
            steps.append(await step(model, client: client, options: options, pulled: &pulled))
        }
        return FleetBuild(dryRun: options.dryRun, steps: steps, skipped: diagnosis.models.filter(\.isPresent).map(\.name))
    }

    /// Plans one missing model and, unless this is a dry run, sends its actions until one fails.
    /// - Parameter pulled: Bases pulled (or planned to be) so far, which are not pulled twice; updated.
    private static func step(
        _ model: ModelDiagnosis, client: OllamaClient, options: Options, pulled: inout [String]
    ) async -> FleetBuild.Step {
        if let problem = model.problem { return .init(model: model.name, actions: [], status: .failed(problem)) }
        let actions: [FleetBuild.Action]
        do {
            actions = try plan(model).filter { action in
                guard case .pull(let base) = action else { return true }
                return !pulled.contains { ModelName.matches($0, base) }
            }
        } catch {
            return .init(model: model.name, actions: [], status: .failed("\(error)"))
        }
        for case .pull(let base) in actions { pulled.append(base) }
        guard !options.dryRun else { return .init(model: model.name, actions: actions, status: .planned) }
        for action in actions {
            do {
                try await send(action, client: client, timeout: options.timeout)
            } catch {
                return .init(model: model.name, actions: actions, status: .failed("\(action) failed: \(error)"))
            }
        }
        return .init(model: model.name, actions: actions, status: .built)
    }

    /// The requests that build one missing model: its Modelfile's create request, after a pull of its base
    /// when Ollama lacks it, or a pull of the model itself when readiness.json gives no Modelfile.
    /// - Throws: What `Modelfile.createRequest` refuses.
    private static func plan(_ model: ModelDiagnosis) throws -> [FleetBuild.Action] {
        guard let source = model.source else { return [.pull(model.name)] }
        let request = try source.createRequest(model: model.name, relativeTo: model.modelfile?.deletingLastPathComponent())
        let pull = model.base.flatMap { $0.needsPull ? FleetBuild.Action.pull($0.reference) : nil }
        return (pull.map { [$0] } ?? []) + [.create(request)]
    }

    /// Sends one action and reads its progress to the final "success" (the client throws otherwise); shared
    /// with `FleetRollback`, which re-creates models the same way.
    static func send(_ action: FleetBuild.Action, client: OllamaClient, timeout: Duration?) async throws {
        let progress = switch action {
        case .pull(let model): client.pull(PullRequest(model: model), timeout: timeout)
        case .create(let request): client.create(request, timeout: timeout)
        }
        for try await _ in progress {}
    }
}
