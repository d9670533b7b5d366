import Foundation

/// Whether a document exists, has content and is newer than the Modelfiles of the models it describes.
package struct DocumentCheck: Sendable, Equatable {
    package var path: URL
    /// When the document was last modified, if it exists.
    package var modified: Date?
    /// What is wrong, one sentence each; empty when the document passes.
    package var problems: [String]

    package var passed: Bool { problems.isEmpty }

    /// One sentence for reports.
    package var message: String {
        passed ? "\(path.path) exists, has content and is current" : problems.joined(separator: " ")
    }
}

/// Checks documentation files.
package enum DocumentationProbe {
    /// Checks `document` against the Modelfiles of the models it describes (missing Modelfiles are ignored:
    /// the configs criterion reports them).
    /// - Parameters:
    ///   - document: The document to check.
    ///   - describedModelfiles: The Modelfiles of the models it describes.
    ///   - slack: How much older than a Modelfile the document may be; a fresh `git clone` writes files in
    ///     no particular order within moments, which must not read as a stale document.
    package static func check(_ document: URL, describedModelfiles: [URL], slack: TimeInterval = 5) -> DocumentCheck {
        var check = DocumentCheck(path: document, modified: nil, problems: [])
        guard let data = FileManager.default.contents(atPath: document.path) else {
            check.problems.append("\(document.path) does not exist or cannot be read.")
            return check
        }
        check.modified = modificationDate(document)
        if String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            check.problems.append("\(document.path) is empty.")
        }
        let newest = describedModelfiles
            .compactMap { url in modificationDate(url).map { (url, $0) } }
            .max { $0.1 < $1.1 }
        if let modified = check.modified, let (modelfile, changed) = newest, modified.addingTimeInterval(slack) < changed {
            check.problems.append(
                "\(document.path) (modified \(stamp(modified))) is older than \(modelfile.path) (modified \(stamp(changed))); update it to describe the current models."
            )
        }
        return check
    }

    static func modificationDate(_ url: URL) -> Date? {
        try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    private static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
