import Foundation
import ReadinessKit

/// The `readiness` command as library code: parses the arguments, runs the command, returns the exit code
/// (0 ready, 1 not ready, 2 undecided or usage/config error).
public enum ReadinessCLI {
    /// Runs one command line.
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - context: Environment, console, clock and suite runner.
    /// - Returns: The process exit code.
    public static func main(_ arguments: [String], context: RunnerContext) async -> Int32 {
        let invocation: Invocation
        do {
            invocation = try CommandLineParser.parse(arguments)
        } catch let error as UsageError {
            context.errorOutput(error.description)
            return 2
        } catch {
            context.errorOutput("Error: \(error)\n")
            return 2
        }
        switch invocation {
        case .help(let command):
            context.output(Usage.help(command))
            return 0
        case .version:
            context.output("readiness \(Usage.toolVersion)\n")
            return 0
        case .check(let options):
            return await check(options, context: context)
        case .report(let options):
            let config = loadConfig(options.config, ollama: nil, context: context)
            let events = context.url(options.events)
            let report = ReadinessReport.build(
                from: RunEvidence.read(from: events),
                context: reportContext(config, gate: options.gate, events: options.events, attachments: options.attachments, context: context)
            )
            return publish(report, out: options.out, context: context)
        case .gate(let options):
            return gate(options, context: context)
        }
    }

    /// readiness.json, loaded; on failure the problem that makes every report UNDECIDED.
    struct LoadedConfig {
        var config: ReadinessConfig?
        var problem: RunProblem?
        var file: URL
    }

    static func loadConfig(_ path: String?, ollama: String?, context: RunnerContext) -> LoadedConfig {
        var environment = context.environment
        if let ollama { environment["OLLAMA_HOST"] = ollama }
        if let path { environment["READINESS_CONFIG"] = path }
        let file = ReadinessConfig.locate(environment: environment, currentDirectory: context.currentDirectory)
        do {
            return LoadedConfig(config: try ReadinessConfig.load(from: file, environment: environment), file: file)
        } catch {
            let problem = RunProblem(
                .config, "the configuration cannot be used: \(error)",
                action: "Fix readiness.json (or pass --config FILE), then run again."
            )
            return LoadedConfig(problem: problem, file: file)
        }
    }

    static func reportContext(
        _ loaded: LoadedConfig, gate: String, events: String, attachments: [String], runnerProblems: [RunProblem] = [],
        context: RunnerContext
    ) -> ReadinessReport.Context {
        ReadinessReport.Context(
            config: loaded.config, configProblem: loaded.problem, gateName: gate,
            locator: AttachmentLocator(directories: attachments.map { context.url($0, isDirectory: true) }),
            runnerProblems: runnerProblems, eventsPath: events, configPath: ModelActions.displayPath(loaded.file, currentDirectory: context.currentDirectory.path),
            generatedAt: context.now(), toolVersion: Usage.toolVersion
        )
    }

    /// Writes the report files, the GitHub step summary and annotations, and the console summary.
    /// - Returns: The verdict's exit code, or 2 when the reports cannot be written.
    static func publish(_ report: ReadinessReport, out: String, context: RunnerContext) -> Int32 {
        let directory = context.url(out, isDirectory: true)
        do {
            try ReportWriter.writeAll(report, to: directory)
            if let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                try ReportWriter.append(MarkdownRenderer.render(report), to: context.url(summary))
            }
        } catch {
            context.errorOutput("Error: \(error)\n")
            context.output(ConsoleRenderer.render(report))
            return 2
        }
        if context.environment["GITHUB_ACTIONS"] == "true" { context.output(GitHubAnnotations.render(report)) }
        context.output("Reports: \(ReportWriter.fileNames.map { "\(out)/\($0)" }.joined(separator: ", "))\n")
        context.output(ConsoleRenderer.render(report))
        return report.verdict.exitCode
    }
}
