/// Quotes text as one POSIX shell word, so a command we print or generate runs with it as data, never as code.
package enum ShellQuoting {
    /// `word` unchanged when it holds only characters no shell treats specially, else in single quotes with
    /// each `'` written as `'\''`.
    package static func quote(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_./:=@%+,".unicodeScalars.contains(scalar))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
