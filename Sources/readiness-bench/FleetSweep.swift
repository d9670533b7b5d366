import Foundation
import OllamaKit
import OllamaSimulator
import ReadinessKit
import ReadinessReports
import TestFixtures
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fleet-size sweep: the same work at 10, 100 and 1,000 models (10 prompts each, zero-latency simulator),
/// to show that everything outside inference grows linearly: the time per query of the performance run, and
/// the time to build and render the report of a whole run.
enum FleetSweep {
    static let sizes = [10, 100, 1_000]
    static let prompts = 10

    /// One size's figures.
    struct Figures {
        var models: Int
        var perQuery: Double
        var report: Double
        /// The process's peak resident memory once this size was done (it only grows, size after size).
        var peakMiB: Double
    }

    static func run(in folder: URL) async throws -> [Figures] {
        var figures: [Figures] = []
        for size in sizes {
            let names = FleetStream.names(size)
            let config = try FleetStream.config(names, prompts: prompts, in: folder.appendingPathComponent("fleet-\(size)"))
            let perQuery = try await queryTime(config, names: names)
            let report = try reportTime(config, names: names, in: folder.appendingPathComponent("fleet-\(size)/attachments"))
            figures.append(Figures(models: size, perQuery: perQuery, report: report, peakMiB: peakMemoryMiB()))
        }
        return figures
    }

    /// The performance run of every prompt of every model on a zero-latency simulator, per query.
    private static func queryTime(_ config: ReadinessConfig, names: [String]) async throws -> Double {
        let models = names.map { #"{"name": "\#($0)", "behaviour": {"defaultReply": "fine answer", "latency": {"min": 0, "max": 0}, "tokensPerSecond": 1000000, "loadDuration": 0}}"# }
        let scenario = try Scenario.decode(
            // At most 4 models loaded at once, as memory allows on a real server (and /api/ps stays short).
            Data(#"{"version": "0.12.6", "numParallel": 4, "maxLoadedModels": 4, "models": [\#(models.joined(separator: ","))]}"#.utf8),
            source: "fleet sweep"
        )
        return try await withSimulator(scenario) { url in
            var local = config
            local.ollama.host = url
            let evidence = OllamaEvidence(config: local)
            let run = PerformanceRun(config: local, client: evidence.client, budget: evidence.budget)
            let elapsed = await ContinuousClock().measure { _ = await run.run() }
            return elapsed.timeInterval / Double(names.count * prompts)
        }
    }

    /// Parsing, analysing and rendering every format for a run of the per-model catalog criteria.
    private static func reportTime(_ config: ReadinessConfig, names: [String], in attachments: URL) throws -> Double {
        let stream = try FleetStream.stream(names, prompts: prompts, attachments: attachments)
        return try ContinuousClock().measure {
            let report = ReadinessReport.build(from: RunEvidence.parse(stream, name: "sweep.jsonl"), context: .init(
                config: config, gateName: "phase2", locator: AttachmentLocator(), generatedAt: Date(), toolVersion: ToolVersion.current
            ))
            guard report.verdict == .ready else { throw SweepError(message: "the \(names.count)-model run is \(report.verdict.rawValue): \(report.summary)") }
            _ = [MarkdownRenderer.render(report), JUnitRenderer.render(report), HTMLRenderer.render(report), ConsoleRenderer.render(report)]
            _ = try ReadinessReport.encoder().encode(report)
        }.timeInterval
    }

    struct SweepError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The peak resident memory of this process so far, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1024 / 1024  // bytes on macOS
        #endif
    }
}
