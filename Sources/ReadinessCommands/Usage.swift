import OllamaKit

/// Usage lines and help texts of the `readiness` command.
enum Usage {
    /// The tool's version, printed by `--version` and written into every report.
    static let toolVersion = ToolVersion.current

    /// "Usage: readiness check [--config FILE] …" for a command, or the tool's overview line.
    static func line(_ command: Invocation.Command?) -> String {
        switch command {
        case nil: "Usage: readiness <check|report|gate> [options]"
        case .check: "Usage: readiness check [--config FILE] [--ollama URL] [--gate NAME] [--out DIR]"
        case .report: "Usage: readiness report EVENTS.jsonl [--config FILE] [--attachments DIR]... [--gate NAME] [--out DIR]"
        case .gate: "Usage: readiness gate --step N [EVENTS.jsonl] [--config FILE] [--attachments DIR]... [--out DIR]"
        }
    }

    /// The full `--help` text.
    static func help(_ command: Invocation.Command?) -> String {
        let body: String
        switch command {
        case nil:
            body = """
                Decides whether a fleet of Ollama models is ready for a migration.

                Commands:
                  check    Run the readiness suites with 'swift test', then write the reports.
                  report   Write the reports from an event stream produced by 'swift test'.
                  gate     Decide one step of the migration: may the first N models go?

                Exit codes: 0 ready, 1 not ready, 2 undecided (incomplete evidence) or usage/config error.
                """
        case .check:
            body = """
                Runs 'swift test --filter ReadinessSuites' with an event stream, shows progress, then writes
                report.md, report.json, junit.xml and report.html into the output folder.

                Options:
                  --config FILE   readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)
                  --ollama URL    Ollama to check (sets OLLAMA_HOST for the suites)
                  --gate NAME     gate of readiness.json to decide (default: phase2)
                  --out DIR       folder for the reports and the run (default: readiness-report)
                """
        case .report:
            body = """
                Writes the reports from a stream that 'swift test --event-stream-output-path EVENTS.jsonl
                --event-stream-version 6.3 --attachments-path DIR' produced, e.g. in a CI job.

                Options:
                  --config FILE       readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)
                  --attachments DIR   folder holding the attachments; repeat for several (default: the recorded paths)
                  --gate NAME         gate of readiness.json to decide (default: phase2)
                  --out DIR           folder for the reports (default: readiness-report)
                """
        case .gate:
            body = """
                Decides step N of the conservative migration: the first N models in migration order must pass
                availability, functionality and performance, and backup.directory must hold <model>.Modelfile
                for each. Reads DIR/report.json of the last check, or builds it from EVENTS.jsonl.

                Options:
                  --step N            number of models migrated after this step (required, 1 or more)
                  --config FILE       readiness.json to use (default: READINESS_CONFIG, else ./readiness.json)
                  --attachments DIR   with EVENTS.jsonl: folder holding the attachments; repeatable
                  --out DIR           folder of the last check's report.json (default: readiness-report)
                """
        }
        return line(command) + "\n\n" + body + "\n"
    }
}
