import Foundation
import ReadinessKit
import ReadinessReports

/// Writes a report where people and CI look for it: the report files, the GitHub step summary (report.md, cut
/// under GitHub's size limit by `StepSummary`) and annotations, and the console summary.
enum ReportPublisher {
    /// Publishes `report` into `out` as one set (`ReportWriter`), compared with the previous run of its gate that
    /// `out` holds (`ReportComparison.sincePrevious`); the caller holds `out`'s lock.
    /// - Parameter create: How each staged file is created; tests inject a failure.
    /// - Returns: The verdict's exit status, or `.undecided` when the reports cannot be written: a verdict
    ///   nobody can read back must not pass CI.
    static func publish(
        _ report: ReadinessReport, out: String, context: RunnerContext,
        create: ReportWriter.FileCreator = DurableFile.create
    ) -> ExitCode {
        let directory = context.url(out, isDirectory: true)
        var report = report
        report.comparison = ReportComparison.sincePrevious(in: directory, for: report)
        do {
            try ReportWriter.writeAll(report, to: directory, runID: UUID().uuidString, create: create)
            if let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
                try ReportWriter.append(StepSummary.render(report, out: out), to: context.url(summary))
            }
        } catch {
            context.error("\(error)")
            context.output(ConsoleRenderer.render(report, details: nil))
            return .undecided
        }
        if context.environment["GITHUB_ACTIONS"] == "true" { context.output(GitHubAnnotations.render(report)) }
        context.output("Reports: \(ReportWriter.fileNames.map { "\(out)/\($0)" }.joined(separator: ", "))\n")
        context.output(ConsoleRenderer.render(report, details: "\(out)/report.md"))
        return ExitCode(report.verdict)
    }
}
