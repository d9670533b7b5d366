import OllamaKit

/// What `FleetBuilder` did, or would do in a dry run: one step per missing model, in build order.
package struct FleetBuild: Sendable, Equatable {
    /// Whether nothing was sent: the steps are the plan.
    package var dryRun: Bool
    /// The missing models' steps, in build order.
    package var steps: [Step]
    /// The fleet models Ollama already has, left untouched.
    package var skipped: [String]

    package init(dryRun: Bool, steps: [Step], skipped: [String]) {
        self.dryRun = dryRun
        self.steps = steps
        self.skipped = skipped
    }

    /// The step that failed, which stopped the build.
    package var failure: Step? {
        steps.first { $0.status.isFailure }
    }

    /// Whether every step was built (or, in a dry run, could be planned).
    package var succeeded: Bool { failure == nil }

    /// Building one missing model.
    package struct Step: Sendable, Equatable {
        /// The model to build.
        package var model: String
        /// What builds it, in order; empty when it could not be planned (see `status`).
        package var actions: [Action]
        /// How it ended.
        package var status: Status

        package init(model: String, actions: [Action], status: Status) {
            self.model = model
            self.actions = actions
            self.status = status
        }
    }

    /// One request to Ollama.
    package enum Action: Sendable, Equatable, CustomStringConvertible {
        /// `POST /api/pull` of this model (a missing base, or a fleet model without a Modelfile).
        case pull(String)
        /// `POST /api/create` with this request.
        case create(CreateRequest)

        /// "pull llama3.2:3b" or "create financial_planning_expert_v6 FROM llama3.2:3b".
        package var description: String {
            switch self {
            case .pull(let model): "pull \(model)"
            case .create(let request): "create \(request.model)" + (request.from.map { " FROM \($0)" } ?? "")
            }
        }
    }

    /// How a step ended.
    package enum Status: Sendable, Equatable {
        /// Dry run: the actions were planned and not sent.
        case planned
        /// Every action succeeded.
        case built
        /// Planning or an action failed, for this reason; the build stopped here.
        case failed(String)
        /// An earlier step failed, so this one was not tried.
        case notAttempted

        /// Whether this is `failed`.
        package var isFailure: Bool {
            if case .failed = self { true } else { false }
        }
    }
}
