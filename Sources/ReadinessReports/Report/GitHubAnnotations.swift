import ReadinessKit
import Foundation

/// Renders GitHub Actions workflow commands (`::error`/`::warning`) for criteria that fell short and evidence problems.
package enum GitHubAnnotations {
    /// One workflow command per line; empty when everything passed.
    package static func render(_ report: ReadinessReport) -> String {
        var lines: [String] = []
        for criterion in report.criteria {
            let kind = criterion.blocking ? "error" : [.failed, .warned].contains(criterion.status) ? "warning" : nil
            if let kind { lines.append(command(kind, title: "Readiness: \(criterion.id)", criterion.message)) }
        }
        for test in report.unlistedTests where test.status == .failed {
            lines.append(command("error", title: "Readiness: \(test.test)", test.messages.joined(separator: "; ")))
        }
        for problem in report.problems {
            lines.append(command("error", title: "Readiness: \(problem.kind.rawValue)", "\(problem.message). \(problem.action)"))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `::kind title=…::message`, escaped as GitHub's toolkit does (`%`, CR, LF; also `:` and `,` in properties);
    /// package-wide so the commands that annotate (`watch`) escape the same way.
    package static func command(_ kind: String, title: String, _ message: String) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let property = data(title).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        return "::\(kind) title=\(property)::\(data(message))"
    }
}
