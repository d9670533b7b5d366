import Foundation

/// A GitHub Actions workflow command (`::error title=…::message`), escaped as GitHub's toolkit does; the same
/// escaping as `GitHubAnnotations`, whose command builder is private to the report renderers.
enum WorkflowCommand {
    static func error(title: String, _ message: String) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let property = data(title).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        return "::error title=\(property)::\(data(message))\n"
    }
}
