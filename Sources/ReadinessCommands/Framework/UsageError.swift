import ReadinessKit

/// A command line that cannot be run: printed as "Error: …", the usage line and where to get help, then exit 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// "Unknown option '--foo'" and the like: sentence case, user values in single quotes.
    let message: String
    /// The subcommand whose usage applies, or `nil` for the tool.
    let command: String?
    let usageLine: String

    init(_ message: String, command: String?, usageLine: String) {
        self.message = message
        self.command = command
        self.usageLine = usageLine
    }

    /// The three lines for stderr.
    var description: String {
        let name = command.map { "readiness \($0)" } ?? "readiness"
        return "Error: \(UntrustedText.consoleLine(message))\n\(usageLine)\nSee '\(name) --help' for more information.\n"
    }
}
