import Foundation
import OllamaKit

/// The Ollama release a scenario claims, deciding which response fields the simulator sends, so answers
/// carry the fields that release's `api/types.go` has.
struct OllamaRelease: Comparable {
    private let parts: [Int]

    /// Parses "0.12.6"; scenario validation guarantees dot-separated whole numbers.
    init(_ version: String) {
        var parts = version.split(separator: ".").map { Int($0) ?? 0 }
        // "0.9.7.0" is "0.9.7": without trailing zeros, equal releases have equal parts.
        while parts.last == 0 { parts.removeLast() }
        self.parts = parts
    }

    static func < (lhs: OllamaRelease, rhs: OllamaRelease) -> Bool {
        let count = max(lhs.parts.count, rhs.parts.count)
        let pad = { (parts: [Int]) in parts + Array(repeating: 0, count: count - parts.count) }
        return pad(lhs.parts).lexicographicallyPrecedes(pad(rhs.parts))
    }

    /// `ProcessModelResponse.ContextLength` came with v0.9.7 ("API/CLI context enhancements", ollama#11331).
    var listsContextLength: Bool { self >= OllamaRelease("0.9.7") }
    /// `ShowResponse.Capabilities` came with v0.6.4.
    var showsCapabilities: Bool { self >= OllamaRelease("0.6.4") }
}
