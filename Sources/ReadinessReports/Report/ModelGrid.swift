import ReadinessKit
/// A report seen as models × per-model criteria, models that fall short first: the compact grid and the per-model
/// details of report.html. Rows are grouped once, so a cell is a dictionary lookup at any fleet size.
struct ModelGrid {
    /// One model under one criterion.
    struct Cell {
        /// The row's status; `missing` (or the criterion's `skipped`) when the model has no row there.
        var status: CriterionOutcome.Status
        var row: CriterionResult?
    }

    /// The criteria judged per model: those with a row for a model, and the catalog's per-model ones.
    let columns: [CriterionOutcome]
    /// The report's models, those that fall short first.
    let models: [ReadinessReport.Model]
    /// By column, the worst row of each model (several when a model is checked in several places).
    private let rows: [[String: CriterionResult]]

    init(_ report: ReadinessReport) {
        columns = report.criteria.filter { criterion in
            criterion.rows.contains { $0.model != nil } || Criterion.named(criterion.id)?.isPerModel == true
        }
        models = ReportFormatting.failingFirst(report.models, status: \.status)
        rows = columns.map { criterion in
            var byModel: [String: CriterionResult] = [:]
            for row in criterion.rows {
                guard let model = row.model else { continue }
                let key = ReportFormatting.modelKey(model)
                if let kept = byModel[key],
                   ReportFormatting.rank(ReportFormatting.status(kept)) <= ReportFormatting.rank(ReportFormatting.status(row)) {
                    continue
                }
                byModel[key] = row
            }
            return byModel
        }
    }

    /// The cell of `model` in column `column`.
    func cell(_ model: ReadinessReport.Model, _ column: Int) -> Cell {
        guard let row = rows[column][ReportFormatting.modelKey(model.name)] else {
            return Cell(status: columns[column].status == .skipped ? .skipped : .missing, row: nil)
        }
        return Cell(status: ReportFormatting.status(row), row: row)
    }
}
