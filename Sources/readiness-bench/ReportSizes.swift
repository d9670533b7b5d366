import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports
import TestFixtures

/// The reports of a 1,000-model run as a user gets them: two runs published into one folder, the second 10%
/// slower and so compared with the first, every tenth model failing quality and response time. What it
/// measures goes in the README: each file's size and the console's line count.
enum ReportSizes {
    static let models = 1_000

    /// One figure: a file's size in bytes, the console's line count, or a time to render.
    struct Figure {
        var name: String
        var value: Int
        var unit = "bytes"

        var text: String {
            switch unit {
            case "bytes": String(format: "%@ %.0f KiB", name, Double(value) / 1024)
            case "lines": "\(name) \(value) lines"
            default: "\(name) \(value) \(unit)"
            }
        }
    }

    static func run() throws -> (failing: Int, figures: [Figure]) {
        let folder = FleetStream.scratch.appendingPathComponent("readiness-bench-sizes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = FleetStream.names(models)
        let failing = Set(names.enumerated().filter { $0.offset % 10 == 9 }.map(\.element))
        let config = try FleetStream.config(names, prompts: FleetSweep.prompts, in: folder.appendingPathComponent("sizes"))
        let out = folder.appendingPathComponent("sizes/out", isDirectory: true)
        var last: ReadinessReport?
        for (run, slowdown) in [1.0, 1.1].enumerated() {
            let stream = try FleetStream.stream(
                names, failing: failing, prompts: FleetSweep.prompts, slowdown: slowdown, started: 1_795_595_279 + 60 * run,
                attachments: folder.appendingPathComponent("sizes/attachments-\(run)")
            )
            var report = ReadinessReport.build(from: RunEvidence.parse(stream, name: "sizes-\(run).jsonl"), context: .init(
                config: config, gateName: "phase2", locator: AttachmentLocator(), generatedAt: Date(), toolVersion: ToolVersion.current
            ))
            report.comparison = ReportComparison.sincePrevious(in: out, for: report)
            try ReportWriter.writeAll(report, to: out)
            last = report
        }
        guard let report = last, report.comparison?.basis == .previousRun, report.verdict == .notReady else {
            throw FleetSweep.SweepError(message: "the second 1,000-model run was not compared with the first, or not NOT READY: \(last?.comparison?.note ?? "no report")")
        }
        var figures = try ReportWriter.fileNames.map { name in
            Figure(name: name, value: try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.size] as? Int ?? 0)
        }
        let console = ConsoleRenderer.render(report, details: out.appendingPathComponent("report.md").path)
        figures.append(Figure(name: "console", value: console.split(separator: "\n").count, unit: "lines"))
        let renderers: [(String, (ReadinessReport) throws -> Any)] = [
            ("report.md", MarkdownRenderer.render), ("report.json", { try ReadinessReport.encoder().encode($0) }),
            ("junit.xml", JUnitRenderer.render), ("report.html", HTMLRenderer.render), ("console", { ConsoleRenderer.render($0) }),
        ]
        for (name, render) in renderers {
            let seconds = try fastest(3) { _ = try render(report) }
            figures.append(Figure(name: name, value: Int(seconds * 1000), unit: "ms to render"))
        }
        return (failing.count, figures)
    }
}
