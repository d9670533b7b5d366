/// Go's `%q` / `strconv.Quote` for the texts Ollama's error messages and Modelfiles quote.
enum GoQuoting {
    /// `text` in double quotes with `"`, `\` and the common control characters escaped, as Go prints it.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
