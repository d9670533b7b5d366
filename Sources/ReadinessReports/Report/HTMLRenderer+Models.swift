import ReadinessKit
extension HTMLRenderer {
    /// One cell per model and per-model criterion, failing models first, coloured by status with the result in
    /// its tooltip; each model's name links to its folded details. It scrolls in its own box on screen.
    static func gridTable(_ grid: ModelGrid) -> [String] {
        let legend = [CriterionOutcome.Status.passed, .failed, .warned, .skipped, .missing].map {
            "<span class=\"cell \($0.rawValue)\">\(symbol($0))</span> \(label($0))"
        }
        var lines = [
            "<p class=\"legend\">\(legend.joined(separator: " ")). Models that fall short come first; hover a cell for its result, follow a name to its details.</p>",
            "<div class=\"grid-box\"><table class=\"grid\"><thead><tr><th>Model</th>"
                + grid.columns.map { "<th class=\"column\" title=\"\(esc($0.title))\"><span>\(esc($0.id))</span></th>" }.joined()
                + "</tr></thead><tbody>",
        ]
        for (index, model) in grid.models.enumerated() {
            var cells = "<tr><th class=\"name \(model.status.rawValue)\"><a href=\"#model-\(index)\">\(esc(model.name))</a></th>"
            for (column, criterion) in grid.columns.enumerated() {
                let cell = grid.cell(model, column)
                var title = "\(model.name) · \(criterion.id): \(ReportFormatting.label(cell.status))"
                if let row = cell.row {
                    let measured = ReportFormatting.measured(row)
                    if !measured.isEmpty { title += " " + measured }
                    if !row.passed { title += " — " + UntrustedText.excerpt(row.message, limit: 120) }
                } else {
                    title += " — no result"
                }
                cells += "<td class=\"\(cell.status.rawValue)\" title=\"\(esc(title))\">\(symbol(cell.status))</td>"
            }
            lines.append(cells + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines
    }

    /// Each model folded in `<details>`, in the grid's order: its result under every per-model criterion, its
    /// measurements and what to do.
    static func modelDetails(_ grid: ModelGrid) -> [String] {
        var lines: [String] = []
        for (index, model) in grid.models.enumerated() {
            let short = model.failing.isEmpty ? "" : ": falls short of \(model.failing.joined(separator: ", "))"
            lines.append("<details id=\"model-\(index)\"><summary>\(status(model.status)) <strong>\(esc(model.name))</strong>\(esc(short))</summary>")
            lines.append("<table><thead><tr><th>Criterion</th><th>Status</th><th>Measured</th><th>Threshold</th><th>Details</th></tr></thead><tbody>")
            for (column, criterion) in grid.columns.enumerated() {
                let cell = grid.cell(model, column)
                lines.append(row([
                    esc(criterion.id), status(cell.status), esc(cell.row.map(ReportFormatting.measured) ?? ""),
                    esc(ReportFormatting.threshold(cell.row?.threshold)), esc(cell.row?.message ?? "no result"),
                ], className: "model-row"))
            }
            lines.append("</tbody></table>")
            let metrics = model.metrics.sorted { $0.key < $1.key }.map { "\($0.key) \(ReportFormatting.number($0.value, digits: 3))" }
            if !metrics.isEmpty { lines.append("<p class=\"metrics\">\(esc(metrics.joined(separator: ", ")))</p>") }
            if !model.actions.isEmpty { lines += list(model.actions, tag: "ul") }
            lines.append("</details>")
        }
        return lines
    }

    /// The grid's mark for a status, so it reads without colour too.
    private static func symbol(_ status: CriterionOutcome.Status) -> String {
        switch status {
        case .passed: "✓"
        case .failed: "✗"
        case .warned: "!"
        case .skipped: "–"
        case .missing: "·"
        }
    }

    private static func label(_ status: CriterionOutcome.Status) -> String {
        status == .missing ? "no result" : ReportFormatting.label(status).lowercased()
    }
}
