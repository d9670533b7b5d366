import ReadinessKit
import Foundation

/// A horizontal bar chart as inline SVG, with an optional threshold line; labels are escaped.
struct SVGBarChart {
    /// One bar.
    struct Bar {
        var label: String
        /// Which series it belongs to (selects its colour), e.g. 0 for p50 and 1 for p95.
        var series: Int
        var value: Double
    }

    var title: String
    var bars: [Bar]
    /// Series names for the legend, by index.
    var series: [String]
    var threshold: CriterionResult.Threshold?
    /// Formats a value for its label.
    var format: (Double) -> String

    private static let colours = ["#4a7ab8", "#e0a030", "#5a9e6f"]
    private static let plotWidth = 410.0, barHeight = 16.0, gap = 6.0, top = 34.0
    /// Roughly the width of a character of a 12px label, so the label column fits the longest name.
    private static let characterWidth = 7.0

    /// The chart as an `<svg>` element; a short note instead when there is nothing to draw.
    func render() -> String {
        let esc = MarkupEscaping.xml
        guard !bars.isEmpty else {
            return "<p class=\"no-data\">\(esc(title)): no measurements in this run.</p>"
        }
        let names = bars.map(name)
        let labelWidth = max(120, Double(names.map(\.count).max() ?? 0) * Self.characterWidth + 12)
        let width = labelWidth + Self.plotWidth
        let plot = Self.plotWidth - 70
        let maximum = max(bars.map(\.value).max() ?? 0, threshold?.value ?? 0) * 1.1
        let scale = maximum > 0 ? plot / maximum : 0
        let height = Self.top + Double(bars.count) * (Self.barHeight + Self.gap) + 24
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\">",
            "<title>\(esc(title))</title>",
            "<text x=\"0\" y=\"16\" class=\"chart-title\">\(esc(title))</text>",
        ]
        for (index, name) in series.enumerated() where series.count > 1 {
            let x = labelWidth + Double(index) * 90
            svg.append("<rect x=\"\(x)\" y=\"22\" width=\"10\" height=\"10\" fill=\"\(Self.colours[index % Self.colours.count])\"/>")
            svg.append("<text x=\"\(x + 14)\" y=\"31\" class=\"legend\">\(esc(name))</text>")
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * (Self.barHeight + Self.gap)
            let length = max(1, bar.value * scale)
            let colour = Self.colours[bar.series % Self.colours.count]
            let name = names[index]
            svg.append("<text x=\"\(labelWidth - 6)\" y=\"\(y + 12)\" text-anchor=\"end\" class=\"label\">\(esc(name))</text>")
            svg.append("<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(ReportFormatting.number(length))\" height=\"\(Self.barHeight)\" fill=\"\(colour)\"><title>\(esc(name)): \(esc(format(bar.value)))</title></rect>")
            svg.append("<text x=\"\(ReportFormatting.number(labelWidth + length + 4))\" y=\"\(y + 12)\" class=\"value\">\(esc(format(bar.value)))</text>")
        }
        if let threshold, scale > 0 {
            let x = ReportFormatting.number(labelWidth + threshold.value * scale)
            let bottom = height - 18
            svg.append("<line x1=\"\(x)\" y1=\"\(Self.top - 4)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"5,3\"/>")
            svg.append("<text x=\"\(x)\" y=\"\(bottom + 14)\" text-anchor=\"middle\" class=\"threshold\">threshold \(esc(ReportFormatting.threshold(threshold)))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    /// A bar's label, with its series when there are several.
    private func name(_ bar: Bar) -> String {
        series.count > 1 ? "\(bar.label) (\(series[bar.series]))" : bar.label
    }
}
