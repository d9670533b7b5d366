import OllamaKit

/// The models Ollama lists (`/api/tags`), indexed by name identity, so looking up each configured model is one
/// parse and a dictionary lookup instead of a scan of the whole list.
public struct InstalledModels: Sendable, Equatable {
    /// The names as Ollama lists them, e.g. "louisville_expert_v3:latest".
    public let names: [String]
    private let byIdentity: [String: String]

    public init(_ names: [String]) {
        self.names = names
        var index: [String: String] = [:]
        for name in names {
            if let key = ModelName.identity(of: name), index[key] == nil { index[key] = name }
        }
        byIdentity = index
    }

    /// The listed name of `model` by Ollama's rules ("x" is "x:latest", case-insensitive), if installed.
    public func listedName(of model: String) -> String? {
        ModelName.identity(of: model).flatMap { byIdentity[$0] }
    }
}
