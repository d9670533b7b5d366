import FleetKit
import Foundation
import ReadinessKit
import ReadinessReports

/// `readiness inventory`: the model inventory the action plan asks to update after a build.
struct InventoryCommand: Subcommand {
    static let spec = CommandSpec(
        name: "inventory",
        abstract: "Print (or write) a Markdown table of the live fleet: digest, base, size, parameters, system prompt.",
        discussion: """
            Lists every model of readiness.json as Ollama has it: name, digest, base, size, parameters, the
            first line of its system prompt, migration order and when it was built. With --write the table
            replaces FILE atomically, so the docs criterion sees an inventory newer than the Modelfiles.
            Exit 0, or 2 when Ollama or the config cannot be read.
            """,
        arguments: FleetSession.arguments + [writeOption],
        examples: [
            .init("readiness inventory", "Print the table of the live fleet."),
            .init("readiness inventory --write docs/MODELS.md", "Replace docs/MODELS.md with it, for the documentation criterion."),
        ]
    )
    static let writeOption = Option<String?>.text("--write", "FILE", help: "write the table to FILE instead of printing it")

    var target: FleetSession.Target
    var write: String?

    init(_ arguments: ParsedArguments) throws {
        target = try FleetSession.Target(arguments)
        write = try arguments.value(Self.writeOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        guard let session = FleetSession.open(target, context: context) else { return .undecided }
        do {
            let table = InventoryMarkdown.render(try await FleetInventory.collect(session.config, client: session.client))
            if let path = write {
                try ReportWriter.write(Data(table.utf8), to: context.url(path))
                context.say(["Wrote \(path)"])
            } else {
                context.say(table.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            }
            return .success
        } catch {
            context.error("\(error)")
            return .undecided
        }
    }
}
