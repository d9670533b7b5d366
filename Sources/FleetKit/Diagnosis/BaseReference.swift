import Foundation
import OllamaKit

/// Tells a Modelfile's FROM model name from local weights, which only `ollama create -f` can upload.
enum BaseReference {
    /// Whether `from` names local weights, as `ollama create` decides: a file that exists relative to the
    /// Modelfile's folder, weights by their extension, or anything that is not a valid model name (a path).
    /// - Parameters:
    ///   - from: The FROM value.
    ///   - folder: The Modelfile's folder, which relative paths are read against; `nil` when unknown.
    static func isFile(_ from: String, relativeTo folder: URL?) -> Bool {
        let lowercased = from.lowercased()
        if weightExtensions.contains(where: lowercased.hasSuffix) || (try? ModelName(from)) == nil {
            return true
        }
        guard let folder else { return false }
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent(from).path)
    }

    private static let weightExtensions = [".gguf", ".safetensors", ".bin"]
}
