import ReadinessKit

/// What a report appends to the GitHub step summary: report.md, cut at a line boundary when it is too big, since
/// GitHub refuses a step summary over 1 MiB (report.md of 1,000 models is about 900 KiB).
package enum StepSummary {
    /// The most a report appends: half of GitHub's limit, leaving room for what other commands of the step write.
    package static let byteLimit = 512 * 1024

    /// The summary of `report`, whose files are published into `out` (the folder as the user typed it).
    package static func render(_ report: ReadinessReport, out: String) -> String {
        cut(MarkdownRenderer.render(report), out: out)
    }

    /// `markdown` whole when it fits in `limit` bytes of UTF-8; else its lines up to the last one that fits with
    /// a closing line saying where the whole report is.
    static func cut(_ markdown: String, out: String, limit: Int = byteLimit) -> String {
        let bytes = Array(markdown.utf8)
        guard bytes.count > limit else { return markdown }
        let folder = out.hasSuffix("/") ? String(out.dropLast()) : out
        let files = ["report.md", "report.html"].map { MarkupEscaping.markdownCell(folder + "/" + $0) }
        // The blank line ends a table the cut may leave open, so the pointer is a paragraph of its own.
        let pointer = "\n**This summary is cut at \(limit / 1024) KiB** (GitHub shows at most 1 MiB per step): "
            + "the whole report is \(files[0]) and \(files[1]), in the --out folder of the run.\n"
        let budget = max(0, limit - pointer.utf8.count)
        // A cut just after a newline byte is always between whole UTF-8 characters.
        let end = bytes[..<min(budget, bytes.count)].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return String(decoding: bytes[..<end], as: UTF8.self) + pointer
    }
}
