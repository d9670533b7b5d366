import FleetKit
import Foundation

/// `readiness validate`: step 3 of the action plan, the quick check that each built model answers.
struct ValidateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Ask each critical model its first test prompt and check the answer names an expected keyword.",
        discussion: """
            Asks every critical model of readiness.json its first test prompt; an answer passes when it is not
            empty and contains one of the prompt's expected keywords. One PASS or FAIL line per model, then a
            summary. Exit 0 when every model passed, 1 when one failed, 2 on a bad config.
            """,
        arguments: FleetSession.arguments,
        examples: [
            .init("readiness validate", "Ask each critical model of ./readiness.json its first test prompt."),
            .init("readiness validate --config fleet/readiness.json --ollama 127.0.0.1:11434", "The same for another config, on that Ollama."),
        ]
    )

    var target: FleetSession.Target

    init(_ arguments: ParsedArguments) throws {
        target = try FleetSession.Target(arguments)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(target, context: context) else { return .undecided }
        let validation = await FleetValidator.validate(
            session.config, client: session.client, timeout: .seconds(session.config.thresholds.requestTimeoutSeconds)
        )
        context.say(ValidationText.render(validation).split(separator: "\n").map(String.init))
        return validation.passed ? .success : .notReady
    }
}
