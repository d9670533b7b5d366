import Foundation
import ReadinessKit

/// A generated run of the catalog's criteria over a fleet of any size, for the large-fleet tests and `make bench`:
/// its readiness.json, one criterion attachment per result, and the event stream in the shape of
/// `--event-stream-version 6.3` that points at them.
package enum FleetStream {
    /// Where a generated run goes: /dev/shm when there is one (Linux's RAM file system, where the thousands of
    /// small attachments of a large fleet take a tenth of a second rather than many seconds on a busy disk),
    /// else the temporary folder.
    package static var scratch: URL {
        let memory = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        var isFolder: ObjCBool = false
        let fast = FileManager.default.fileExists(atPath: memory.path, isDirectory: &isFolder) && isFolder.boolValue
            && FileManager.default.isWritableFile(atPath: memory.path)
        return fast ? memory : FileManager.default.temporaryDirectory
    }

    /// "fleet_model_0:latest" … for `count` models.
    package static func names(_ count: Int) -> [String] { (0..<count).map { "fleet_model_\($0):latest" } }

    /// Writes readiness.json for `names`, `prompts` test prompts each, into `folder` and loads it.
    package static func config(_ names: [String], prompts: Int, in folder: URL) throws -> ReadinessConfig {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let list = (0..<prompts).map { #"{"prompt": "question \#($0)", "expect": ["fine"]}"# }.joined(separator: ",")
        let models = names.map { #"{"name": "\#($0)", "prompts": [\#(list)]}"# }.joined(separator: ",")
        let file = folder.appendingPathComponent("readiness.json")
        try Data(#"{"thresholds": {"maxConcurrentRequests": 4}, "severities": {"backup-scripts": "recommended", "configs": "recommended"}, "models": [\#(models)]}"#.utf8).write(to: file)
        return try ReadinessConfig.load(from: file, environment: [:])
    }

    /// Writes one attachment per result into `attachments` and returns the stream: every criterion passes,
    /// except quality and response time for the models in `failing`.
    /// - Parameters:
    ///   - prompts: The queries per model, as the messages and metrics count them.
    ///   - slowdown: Multiplies every latency, so two runs differ in a known way.
    ///   - started: When the run started (seconds since 1970); two runs need two starts.
    package static func stream(
        _ names: [String], failing: Set<String> = [], prompts: Int = 10, slowdown: Double = 1,
        started: Int = 1_795_595_279, attachments: URL
    ) throws -> Data {
        try FileManager.default.createDirectory(at: attachments, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        var lines = [#"{"kind":"event","payload":{"instant":{"absolute":0,"since1970":\#(started)},"kind":"runStarted","messages":[]},"version":"6.3.0"}"#]
        for criterion in Criterion.all {
            let id = "ReadinessCriteria.Readiness\\/\(criterion.area.rawValue)\\/\(criterion.id)()\\/Suites.swift:7:10"
            lines.append(#"{"kind":"test","payload":{"id":"\#(id)","isParameterized":\#(criterion.isPerModel),"kind":"function","name":"\#(criterion.id)()","sourceLocation":{"_filePath":"\/S.swift","column":1,"fileID":"S\/S.swift","filePath":"\/S.swift","line":1}},"version":"6.3.0"}"#)
            lines.append(#"{"kind":"event","payload":{"instant":{"absolute":1,"since1970":\#(started + 1)},"kind":"testStarted","messages":[],"testID":"\#(id)"},"version":"6.3.0"}"#)
            for (index, model) in (criterion.isPerModel ? names.map(Optional.some) : [nil]).enumerated() {
                let result = self.result(criterion, model: model, index: index, fails: model.map(failing.contains) ?? false, prompts: prompts, slowdown: slowdown)
                let file = attachments.appendingPathComponent(result.attachmentName)
                try encoder.encode(result).write(to: file)
                lines.append(#"{"kind":"event","payload":{"attachment":{"path":"\#(file.path)"},"instant":{"absolute":1,"since1970":\#(started + 1)},"kind":"valueAttached","messages":[],"testID":"\#(id)"},"version":"6.3.0"}"#)
            }
            lines.append(#"{"kind":"event","payload":{"instant":{"absolute":2,"since1970":\#(started + 2)},"kind":"testEnded","messages":[],"testID":"\#(id)"},"version":"6.3.0"}"#)
        }
        lines.append(#"{"kind":"event","payload":{"instant":{"absolute":3,"since1970":\#(started + 3)},"kind":"runEnded","messages":[]},"version":"6.3.0"}"#)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A result shaped like the evaluators' (messages, thresholds and metrics), latencies varying by model.
    private static func result(
        _ criterion: Criterion, model: String?, index: Int, fails: Bool, prompts: Int, slowdown: Double
    ) -> CriterionResult {
        typealias Metric = CriterionResult.Metric
        let name = model ?? "the fleet"
        let latency = (fails ? 31 + Double(index % 17) : 1 + Double(index % 17) / 10) * slowdown
        switch criterion.id {
        case Criterion.responseTime.id:
            return criterion.result(
                model: model, passed: latency < 30, measured: latency, threshold: .init(.lessThan, 30, unit: "s"),
                message: "average \(decimal(latency)) s over \(prompts) answers",
                metrics: [
                    Metric.latencyAverage: latency, Metric.latencyP50: latency * 0.9, Metric.latencyP95: latency * 1.8,
                    Metric.latencyP99: latency * 2, Metric.latencyMin: latency * 0.5, Metric.latencyMax: latency * 2.1,
                    Metric.timeToFirstToken: latency / 4, Metric.tokensPerSecond: 40 / slowdown, Metric.loadTime: 0.8,
                ]
            )
        case Criterion.quality.id:
            let quality = fails ? 0.41 : 0.9 - Double(index % 7) / 100
            return criterion.result(
                model: model, passed: quality > 0.6, measured: quality, threshold: .init(.greaterThan, 0.6, unit: "score"),
                message: "quality \(decimal(quality)) over \(prompts) answers", metrics: [Metric.quality: quality]
            )
        case Criterion.modelsRespond.id:
            return criterion.result(
                model: model, passed: true, measured: 1, threshold: .init(.atLeast, 1, unit: "fraction"),
                message: "\(name) answered \(prompts) of \(prompts) prompts",
                metrics: [Metric.queries: Double(prompts), Metric.failures: 0]
            )
        default:
            return criterion.result(model: model, passed: true, measured: 1, message: "\(name) passes \(criterion.id)")
        }
    }

    /// A number as the evaluators print it: "1.2".
    private static func decimal(_ value: Double) -> String { String(format: "%.1f", value) }
}
