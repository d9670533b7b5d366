/// Where something is in a JSON text: a 1-based line and column, the column counted in Unicode scalars.
package struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    /// The line, starting at 1; only a line feed starts a new one.
    package var line: Int
    /// The column, starting at 1.
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// "line 12, column 5".
    package var description: String { "line \(line), column \(column)" }
}
