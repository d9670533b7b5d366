import ReadinessKit
/// The models × hosts grid of a fleet behind several Ollama hosts, as the renderers draw it: one row per model,
/// one column per host, each cell the model's standing there (`—` where the host does not serve it).
package struct HostGrid: Sendable {
    /// The hosts, redacted, in readiness.json's order.
    package var hosts: [String]
    /// Per model: its name and, per host of `hosts`, its standing there or `nil` when the host does not serve it.
    package var rows: [(model: String, cells: [ReadinessReport.HostStanding?])]

    /// The grid of `report`; `nil` when the fleet has one host.
    package init?(_ report: ReadinessReport) {
        guard let hosts = report.ollama.hosts, hosts.count > 1 else { return nil }
        self.hosts = hosts
        rows = report.models.map { model in
            (model.name, hosts.map { host in model.hosts?.first { $0.host == host } })
        }
    }

    /// Per host, one line for the console: how many of the models it serves stand ready, and the others by name
    /// (at most `limit`), e.g. "http://10.0.0.2:11434: 4 of 6 models pass; failed: a, b".
    package func summaryLines(limit: Int = 5) -> [String] {
        hosts.indices.map { column in
            let served = rows.compactMap { row in row.cells[column].map { (row.model, $0) } }
            let short = served.filter { $0.1.status != .passed }
            var line = "\(hosts[column]): \(served.count - short.count) of \(served.count) models pass"
            if !short.isEmpty {
                line += "; " + short.prefix(limit).map { "\($0.0) \(ReportFormatting.label($0.1.status).lowercased())" }.joined(separator: ", ")
                    + (short.count > limit ? ", and \(short.count - limit) more" : "")
            }
            return line
        }
    }

    /// Lines naming the hosts and the shards of the run, for the reports' run facts.
    package static func runFacts(_ report: ReadinessReport) -> [String] {
        var facts: [String] = []
        if let hosts = report.ollama.hosts { facts.append("Ollama hosts: \(hosts.joined(separator: ", "))") }
        if let shard = report.source.shard { facts.append("Shard \(shard) of a sharded check ('readiness merge' decides on all shards)") }
        if let shards = report.source.mergedShards { facts.append("Merged from \(shards.count) shards: \(shards.joined(separator: ", "))") }
        return facts
    }
}
