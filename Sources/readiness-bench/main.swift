import Foundation
import OllamaKit
import ReadinessKit
import ReadinessReports

// `make bench`: report generation on a synthetic stream of 100,000 events, against a baseline measured in the
// same run (splitting the lines and JSONSerialization of each), so the ratio means something on any machine.

let eventCount = 100_000
let models = [
    "matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2",
    "financial_planning_expert_v6", "decision_simplifier_v2", "enhanced_agent_fast_v6",
]

/// One event line in the shape of `--event-stream-version 6.3`.
func event(_ kind: String, test: String?, time: Double, extra: String = "", messages: String = "[]") -> String {
    let testID = test.map { #","testID":"\#($0)""# } ?? ""
    return #"{"kind":"event","payload":{\#(extra)"instant":{"absolute":\#(time),"since1970":\#(1_795_595_279 + time)},"kind":"\#(kind)","messages":\#(messages)\#(testID)},"version":"6.3.0"}"#
}

func declaration(_ id: String, name: String, suite: Bool, parameterized: Bool) -> String {
    let kind = suite ? "suite" : "function"
    let parameters = suite ? "" : #""isParameterized":\#(parameterized),"#
    return #"{"kind":"test","payload":{"id":"\#(id)",\#(parameters)"kind":"\#(kind)","name":"\#(name)","sourceLocation":{"_filePath":"\/work\/IntegrationTests\/ReadinessCriteria\/Suites.swift","column":10,"fileID":"ReadinessCriteria\/Suites.swift","filePath":"\/work\/IntegrationTests\/ReadinessCriteria\/Suites.swift","line":7}},"version":"6.3.0"}"#
}

/// The eleven criteria of the catalog recorded as attachments, plus a parameterized performance test with
/// enough rounds to bring the stream to `eventCount` events.
func syntheticRun(attachments: URL) throws -> Data {
    let encoder = JSONEncoder()
    var lines = [declaration("ReadinessCriteria.Readiness", name: "Readiness", suite: true, parameterized: false)]
    var body: [String] = []
    var time = 1.0
    func tick() -> Double { time += 0.001; return time }
    for criterion in Criterion.all {
        let function = criterion.id.split(separator: "-").enumerated()
            .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
        let id = "ReadinessCriteria.Readiness\\/\(criterion.area.rawValue)\\/\(function)(model:)\\/Suites.swift:7:10"
        lines.append(declaration(id, name: "\(function)(model:)", suite: false, parameterized: criterion.isPerModel))
        body.append(event("testStarted", test: id, time: tick()))
        for model in criterion.isPerModel ? models.map(Optional.some) : [nil] {
            let result = criterion.result(
                model: model, passed: true, measured: 1.5, threshold: .init(.lessThan, 30, unit: "s"), message: "fine",
                metrics: [CriterionResult.Metric.latencyP50: 1.2, CriterionResult.Metric.latencyP95: 2.5, CriterionResult.Metric.quality: 0.8]
            )
            let file = attachments.appendingPathComponent(result.attachmentName)
            try encoder.encode(result).write(to: file)
            body.append(event("valueAttached", test: id, time: tick(), extra: #""attachment":{"path":"\#(file.path)"},"#))
        }
        body.append(event("testEnded", test: id, time: tick(), messages: #"[{"symbol":"pass","text":"Test passed."}]"#))
    }
    let rounds = "ReadinessCriteria.Readiness\\/Performance\\/promptRound(model:prompt:)\\/Suites.swift:90:10"
    lines.append(declaration(rounds, name: "promptRound(model:prompt:)", suite: false, parameterized: true))
    body.append(event("testStarted", test: rounds, time: tick()))
    // What is still to come: the rounds' testEnded, runStarted and runEnded.
    let fixed = lines.count + body.count + 3
    for index in 0..<(eventCount - fixed) {
        let kind = index % 2 == 0 ? "testCaseStarted" : "testCaseEnded"
        body.append(event(kind, test: rounds, time: tick(), messages: #"[{"symbol":"default","text":"Test case passing 2 arguments model → \"\#(models[index % 6])\", prompt → \"p\" to promptRound(model:prompt:) started."}]"#))
    }
    body.append(event("testEnded", test: rounds, time: tick()))
    lines.append(event("runStarted", test: nil, time: 0.5))
    lines += body
    lines.append(event("runEnded", test: nil, time: tick()))
    precondition(lines.count == eventCount, "synthetic stream has \(lines.count) lines, not \(eventCount)")
    return Data((lines.joined(separator: "\n") + "\n").utf8)
}

/// The fastest of `repetitions` runs of `body`, in seconds.
func fastest(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let elapsed = try ContinuousClock().measure(body)
        best = min(best, elapsed.timeInterval)
    }
    return best
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readiness-bench-\(getpid())")
let attachments = folder.appendingPathComponent("attachments")
try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

let configFile = URL(fileURLWithPath: "fixtures/mirador/readiness.json")
let config: ReadinessConfig
do {
    config = try ReadinessConfig.load(from: configFile, environment: [:])
} catch {
    FileHandle.standardError.write(Data("readiness-bench: \(error) (run it from the package root)\n".utf8))
    exit(2)
}
// First, so that its peak memory is that of the fleet runs alone (the 100-model figure: a 100-model ×
// 10-prompt perf run and its report), not of the 100,000-event stream below.
print("fleet-size sweep (10 prompts per model, zero-latency ollama-sim; targets: per query flat within 1.2x, 1,000-model report < 2 s):")
let sweep = try await FleetSweep.run(in: folder)
for figures in sweep {
    print(String(
        format: "  %5d models: %.3f ms per query outside inference, report %.3f s, peak memory so far %.0f MiB",
        figures.models, figures.perQuery * 1000, figures.report, figures.peakMiB
    ))
}
if let small = sweep.first, let large = sweep.last {
    print(String(format: "  per-query ratio %d to %d models: %.2fx", small.models, large.models, large.perQuery / small.perQuery))
}
print("")

let stream = try syntheticRun(attachments: attachments)
let lineCount = stream.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
print("readiness-bench: \(lineCount) events, \(stream.count / 1024) KiB")

var sink = 0
let baseline = try fastest(3) {
    var splitter = LineSplitter()
    for line in splitter.append(stream) {
        if try JSONSerialization.jsonObject(with: line) is [String: Any] { sink += 1 }
    }
}
var verdict = ""
let full = fastest(3) {
    let evidence = RunEvidence.parse(stream, name: "synthetic.jsonl")
    let report = ReadinessReport.build(from: evidence, context: .init(
        config: config, gateName: "phase2", locator: AttachmentLocator(), generatedAt: Date(), toolVersion: ToolVersion.current
    ))
    let rendered = [
        MarkdownRenderer.render(report), JUnitRenderer.render(report), HTMLRenderer.render(report), ConsoleRenderer.render(report),
    ]
    sink += rendered.reduce(0) { $0 + $1.utf8.count } + ((try? ReadinessReport.encoder().encode(report).count) ?? 0)
    verdict = report.verdict.rawValue
}

func rate(_ seconds: Double) -> String { String(format: "%.0f events/s (%.3f s)", Double(lineCount) / seconds, seconds) }
print("baseline (split lines + JSONSerialization):  \(rate(baseline))")
print("full path (parse, analyse, verdict, render):  \(rate(full))  verdict \(verdict)")
print(String(format: "ratio: the full path takes %.2fx the baseline's time", full / baseline))
PerfBench.line("report from 100,000 events, seconds:", full, target: "< 1", met: full < 1)
if sink == 0 { print("(nothing rendered)") }

print("")
try await PerfBench.run(config)
try await SimulatorBench.run()
let sizes = try ReportSizes.run()
print("\nreports at \(ReportSizes.models) models (\(sizes.failing) failing; the second of two runs, compared with the first):")
print("  " + sizes.figures.filter { $0.unit != "ms to render" }.map(\.text).joined(separator: ", "))
print("  " + sizes.figures.filter { $0.unit == "ms to render" }.map(\.text).joined(separator: ", "))
