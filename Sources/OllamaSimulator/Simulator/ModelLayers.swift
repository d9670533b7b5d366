import OllamaKit

/// The blobs a model's manifest lists, in Ollama's order (weights, template, system, license, params, then
/// the config), with digests and sizes stable from run to run; `/api/pull` reports progress per blob.
struct ModelLayer: Equatable {
    /// "sha256:" and 64 hex digits, as the progress objects' `digest` field carries it.
    var digest: String
    /// Bytes in the blob.
    var size: Int64

    /// The layers of `spec`; the weights take what the small layers leave of `sizeBytes`.
    static func layers(of spec: Scenario.Model) -> [ModelLayer] {
        let fields = spec.modelfile
        let texts: [(String, String?)] = [
            ("template", fields.template), ("system", fields.system), ("license", fields.license),
            ("params", fields.parameters.isEmpty ? nil : "\(fields.parameters.keys.sorted())"),
            ("config", "\(spec.family)|\(spec.parameterSize)|\(spec.quantizationLevel)"),
        ]
        let small = texts.compactMap { kind, text in
            text.map { ModelLayer(digest: "sha256:" + StableHash.digest("\(kind):\($0)"), size: Int64($0.utf8.count)) }
        }
        let weights = ModelLayer(
            digest: "sha256:" + ModelfileText.weightsDigest(of: spec), size: max(0, spec.sizeBytes - small.reduce(0) { $0 + $1.size }))
        // Ollama's manifest lists the config apart from the layers; PullModel appends it last.
        return [weights] + small
    }

    /// The progress status `downloadBlob` reports for this blob: "pulling" and the first 12 hex digits.
    var pullingStatus: String {
        "pulling \(digest.dropFirst(7).prefix(12))"
    }
}
