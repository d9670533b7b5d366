import ReadinessKit
extension HTMLRenderer {
    /// The most models a chart shows; a larger fleet shows those furthest on the wrong side (slowest, lowest).
    static let chartedModels = 25

    /// Latency, quality and success rate per model, each against its threshold.
    static func charts(_ report: ReadinessReport) -> [String] {
        typealias Metric = CriterionResult.Metric
        let total = report.models.count
        /// The models to chart by `key`: all in migration order, or in a large fleet the worst `chartedModels`.
        func charted(_ key: String, worst: String, highestIsWorst: Bool) -> (models: [ReadinessReport.Model], note: String) {
            guard total > chartedModels else { return (report.models, "") }
            let measured = report.models.enumerated().compactMap { entry in
                entry.element.metrics[key].map { (offset: entry.offset, model: entry.element, value: $0) }
            }
            let sorted = measured.sorted { left, right in
                left.value != right.value ? (left.value > right.value) == highestIsWorst : left.offset < right.offset
            }
            let shown = sorted.prefix(chartedModels)
            return (shown.map(\.model), ": the \(shown.count) \(worst) of \(total) models")
        }
        func bars(_ keys: [String], of models: [ReadinessReport.Model]) -> [SVGBarChart.Bar] {
            models.flatMap { model in
                keys.enumerated().compactMap { series, key in
                    model.metrics[key].map { SVGBarChart.Bar(label: model.name, series: series, value: $0) }
                }
            }
        }
        let latency = charted(Metric.latencyP95, worst: "slowest (p95)", highestIsWorst: true)
        let quality = charted(Metric.quality, worst: "lowest", highestIsWorst: false)
        let success = charted(Metric.successRate, worst: "lowest", highestIsWorst: false)
        var successBars = bars([Metric.successRate], of: success.models)
        if let fleet = report.criteria.first(where: { $0.id == Criterion.successRate.id })?.measured {
            successBars.insert(SVGBarChart.Bar(label: "fleet", series: 0, value: fleet), at: 0)
        }
        let charts = [
            SVGBarChart(
                title: "Response time per model (p50, p95)" + latency.note, bars: bars([Metric.latencyP50, Metric.latencyP95], of: latency.models),
                series: ["p50", "p95"], threshold: threshold(Criterion.responseTime.id, in: report),
                format: { ReportFormatting.value($0, unit: "s") }
            ),
            SVGBarChart(
                title: "Quality score per model" + quality.note, bars: bars([Metric.quality], of: quality.models), series: ["quality"],
                threshold: threshold(Criterion.quality.id, in: report), format: { ReportFormatting.number($0) }
            ),
            SVGBarChart(
                title: "Success rate" + success.note, bars: successBars, series: ["success rate"],
                threshold: threshold(Criterion.successRate.id, in: report), format: { ReportFormatting.value($0, unit: "ratio") }
            ),
        ]
        return charts.map { "<figure>\($0.render())</figure>" }
    }

    /// The threshold a criterion holds its results to.
    static func threshold(_ id: String, in report: ReadinessReport) -> CriterionResult.Threshold? {
        report.criteria.first { $0.id == id }.flatMap { $0.threshold ?? $0.rows.first?.threshold }
    }

    /// The comparison's note and highlights; with a previous run, a chart of average latency before and after and
    /// a table of the models that changed most.
    static func comparisonSection(_ comparison: ReportComparison, _ report: ReadinessReport) -> [String] {
        var lines = ["<p>\(esc(comparison.note))</p>"]
        guard comparison.basis == .previousRun else { return lines }
        lines += list(comparison.highlights, tag: "ul")
        guard !comparison.models.isEmpty else { return lines }
        let notable = comparison.notableModels(limit: ReportComparison.shownModels)
        let key = CriterionResult.Metric.latencyAverage
        let bars = notable.flatMap { model in
            model.metrics[key].map { [
                SVGBarChart.Bar(label: model.name, series: 0, value: $0.before), SVGBarChart.Bar(label: model.name, series: 1, value: $0.after),
            ] } ?? []
        }
        let which = comparison.models.count > notable.count ? ": the \(notable.count) models that changed most" : ""
        let chart = SVGBarChart(
            title: "Average response time, previous run and this one" + which, bars: bars, series: ["previous", "now"],
            threshold: threshold(Criterion.responseTime.id, in: report), format: { ReportFormatting.value($0, unit: "s") }
        )
        lines.append("<figure class=\"comparison\">\(chart.render())</figure>")
        lines.append("<table class=\"comparison\"><thead><tr><th>Model</th><th>Status</th>"
            + ReportComparison.columns.map { "<th>\(esc($0.title))</th>" }.joined() + "</tr></thead><tbody>")
        for model in notable {
            lines.append(row([esc(model.name), esc(ReportComparison.text(before: model.before, after: model.after))]
                + ReportComparison.columns.map { esc(ReportComparison.text(model.metrics[$0.key], unit: $0.unit)) }, className: "change"))
        }
        lines.append("</tbody></table>")
        let rest = comparison.models.count - notable.count
        if rest > 0 { lines.append("<p>… and \(rest) more models in report.json (<code>comparison.models</code>).</p>") }
        return lines
    }
}
