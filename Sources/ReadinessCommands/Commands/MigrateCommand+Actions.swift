/// The actions of `readiness migrate`, each a command with its own usage and `--help`.
extension MigrateCommand {
    /// What every action takes: the fleet, its Ollama and the folder of the last check's report.
    static let actionArguments: [any DeclaredArgument] = FleetSession.arguments + [CommonOptions.reportFolder]
    /// `--step N` of next and rollback.
    static let stepOption = Option<Int?>.count("--step", "N", help: "the step meant; refused when it is not the step due")
    /// `--reason TEXT` of pause.
    static let reasonOption = Option<String?>.text("--reason", "TEXT", help: "why, shown by status until resume")

    /// The spec of `migrate ACTION`.
    static func actionSpec(
        _ action: Action, abstract: String, discussion: String, arguments: [any DeclaredArgument] = [], examples: [CommandSpec.Example]
    ) -> CommandSpec {
        CommandSpec(
            name: "migrate \(action.rawValue)", abstract: abstract, discussion: discussion, arguments: arguments + actionArguments,
            examples: examples
        )
    }

    struct Status: MigrateAction {
        static let action = Action.status
        static let spec = actionSpec(
            .status, abstract: "Show every step: its model, status, when it changed and its metrics.",
            discussion: "Shows every step of the migration with its status and metrics, and whether it is paused. Needs no lock and changes nothing. Exit 0, or 2 when migration.json cannot be read.",
            examples: [.init("readiness migrate status", "The steps of ./readiness.json's migration.")]
        )
        let migration: MigrateCommand
    }

    struct Next: MigrateAction {
        static let action = Action.next
        static let spec = actionSpec(
            .next, abstract: "Back up the next step's model, decide its gate and record its baseline.",
            discussion: """
                Backs up the model of the next step, decides the step gate from the last check's report (the first
                N models must pass availability, functionality and performance, and be backed up) and records the
                step's metrics as its baseline. Exit 0 when the step may go, 1 when the gate blocks it or the backup
                failed, 2 when refused (paused, out of order, no report, locked).
                """,
            arguments: [stepOption],
            examples: [
                .init("readiness migrate next", "Gate the next step on readiness-report/report.json."),
                .init("readiness migrate next --step 2", "The same, refused unless step 2 is the one due."),
            ]
        )
        let migration: MigrateCommand
    }

    struct Done: MigrateAction {
        static let action = Action.done
        static let spec = actionSpec(
            .done, abstract: "Mark the gated step migrated once its gate passes again on a newer report.",
            discussion: "Marks the gated step migrated after the step gate passes again on a report whose run started after 'next' gated it, and records the model's metrics after its step. Exit 0 when done, 1 when the gate blocks it, 2 when refused.",
            examples: [.init("readiness check && readiness migrate done", "Check the migrated model again, then mark its step done.")]
        )
        let migration: MigrateCommand
    }

    struct Pause: MigrateAction {
        static let action = Action.pause
        static let spec = actionSpec(
            .pause, abstract: "Stop 'next' and 'done' until 'resume', saying why.",
            discussion: "Pauses the migration: 'next' and 'done' are refused until 'resume'. 'watch' pauses it by itself when a migrated model degrades. Exit 0, or 2 when refused.",
            arguments: [reasonOption],
            examples: [.init("readiness migrate pause --reason 'waiting for the weekend'", "Pause, with the reason status shows.")]
        )
        let migration: MigrateCommand
    }

    struct Resume: MigrateAction {
        static let action = Action.resume
        static let spec = actionSpec(
            .resume, abstract: "Lift a pause: 'next' gates the next step again.",
            discussion: "Lifts the pause of the migration. Exit 0, or 2 when it is not paused.",
            examples: [.init("readiness migrate resume", "Continue the migration.")]
        )
        let migration: MigrateCommand
    }

    struct Rollback: MigrateAction {
        static let action = Action.rollback
        static let spec = actionSpec(
            .rollback, abstract: "Restore the step's model from the backup 'next' took.",
            discussion: "Restores the model of the last gated or migrated step from the backup 'next' took, on the Ollama it was gated on, and marks the step rolled back. Exit 0 when restored, 1 when the restore failed, 2 when refused (no backup, out of order, another Ollama).",
            arguments: [stepOption],
            examples: [
                .init("readiness migrate rollback", "Roll back the last step."),
                .init("readiness migrate rollback --step 3", "The same, refused unless step 3 is the last one."),
            ]
        )
        let migration: MigrateCommand
    }
}

/// One action of `readiness migrate`: parsed into a `MigrateCommand` of its `action`, run by it.
protocol MigrateAction: Subcommand {
    static var action: MigrateCommand.Action { get }
    var migration: MigrateCommand { get }
    init(migration: MigrateCommand)
}

extension MigrateAction {
    init(_ arguments: ParsedArguments) throws {
        self.init(migration: try MigrateCommand(Self.action, arguments))
    }

    func run(in context: RunnerContext) async -> ExitCode {
        await migration.run(in: context)
    }
}
