/// The key path of a value inside a JSON document, written the way error messages quote it: `models[0].name`.
package struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    /// One step down: an object's key or an array's index.
    package enum Component: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    /// The steps from the top-level value.
    package private(set) var components: [Component]

    /// The top-level value itself.
    package static let root = JSONPath()

    package init(_ components: [Component] = []) {
        self.components = components
    }

    /// Whether this is the top-level value.
    package var isRoot: Bool { components.isEmpty }

    /// The path of the member `key` of the object here.
    package func appending(_ key: String) -> JSONPath {
        var path = self
        path.components.append(.key(key))
        return path
    }

    /// The path of element `index` of the array here.
    package func appending(_ index: Int) -> JSONPath {
        var path = self
        path.components.append(.index(index))
        return path
    }

    /// "models[2].behaviour.latency"; empty for the top-level value.
    package var description: String {
        components.reduce(into: "") { text, component in
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
    }
}
