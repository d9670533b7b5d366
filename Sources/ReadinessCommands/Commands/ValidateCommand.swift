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
        arguments: FleetSession.arguments
    )

    var arguments: ParsedArguments

    init(_ arguments: ParsedArguments) {
        self.arguments = arguments
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(arguments, context: context) else { return .undecided }
        let validation = await FleetValidator.validate(
            session.config, client: session.client, timeout: .seconds(session.config.thresholds.requestTimeoutSeconds)
        )
        context.say(ValidationText.render(validation).split(separator: "\n").map(String.init))
        return validation.passed ? .success : .notReady
    }
}
