/// A command line that cannot be run: printed as "Error: …", the usage line and where to get help, then exit 2.
struct UsageError: Error, Equatable, CustomStringConvertible {
    /// The subcommand whose usage applies, or `nil` for the tool.
    let command: Invocation.Command?
    /// "Unknown option '--foo'" and the like: sentence case, user values in single quotes.
    let message: String

    init(_ message: String, command: Invocation.Command?) {
        self.message = message
        self.command = command
    }

    /// The three lines for stderr.
    var description: String {
        let name = command.map { "readiness \($0.rawValue)" } ?? "readiness"
        return "Error: \(message)\n\(Usage.line(command))\nSee '\(name) --help' for more information.\n"
    }
}
