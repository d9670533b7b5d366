/// An Ollama model name, `[host/][namespace/]model[:tag]`, parsed and compared by Ollama's own rules
/// (`types/model/name.go`).
///
/// Missing parts take Ollama's defaults (host "registry.ollama.ai", namespace "library", tag "latest"),
/// so "louisville_expert_v3" equals "louisville_expert_v3:latest" and "library/louisville_expert_v3".
/// Equality and hashing ignore ASCII case, as Ollama's `EqualFold` does; the parts keep their case.
public struct ModelName: Hashable, Sendable, CustomStringConvertible {
    /// The registry host, e.g. "registry.ollama.ai".
    public let host: String
    /// The namespace, e.g. "library".
    public let namespace: String
    /// The model, e.g. "llama3.2".
    public let model: String
    /// The tag, e.g. "latest" or "8b-instruct-q4_0".
    public let tag: String

    /// Ollama's default registry host.
    public static let defaultHost = "registry.ollama.ai"
    /// Ollama's default namespace.
    public static let defaultNamespace = "library"
    /// Ollama's default tag.
    public static let defaultTag = "latest"

    /// Parses a model name.
    /// - Throws: `OllamaError.invalidModelName` naming the part that breaks Ollama's rules.
    public init(_ text: String) throws {
        ModelNameParseCounter.current?.increment()
        var rest = Substring(text)
        var tag = "", model = "", namespace = "", host = ""
        // "/" cannot occur in a tag, so a ":" after the last "/" starts the tag; one before it is a host's port.
        if let colon = rest.lastIndex(of: ":"), rest.lastIndex(of: "/").map({ $0 < colon }) ?? true {
            (rest, tag) = Self.cutPromised(rest, at: colon)
        }
        if let slash = rest.lastIndex(of: "/") {
            (rest, model) = Self.cutPromised(rest, at: slash)
            if let slash = rest.lastIndex(of: "/") {
                (rest, namespace) = Self.cutPromised(rest, at: slash)
                host = rest.range(of: "://").map { String(rest[$0.upperBound...]) } ?? String(rest)
            } else {
                namespace = String(rest)
            }
        } else {
            model = String(rest)
        }
        self.host = host.isEmpty ? Self.defaultHost : host
        self.namespace = namespace.isEmpty ? Self.defaultNamespace : namespace
        self.model = model
        self.tag = tag.isEmpty ? Self.defaultTag : tag
        for (part, value) in [(Part.host, self.host), (.namespace, self.namespace), (.model, model), (.tag, self.tag)] {
            if let problem = part.problem(with: value) {
                throw OllamaError.invalidModelName(text, reason: problem)
            }
        }
    }

    /// Whether two name strings name the same model; `false` when either is not a valid name.
    public static func matches(_ lhs: String, _ rhs: String) -> Bool {
        guard let left = identity(of: lhs) else { return false }
        return left == identity(of: rhs)
    }

    /// The key two names share exactly when they name the same model ("x" and "X:latest"), so lookups by
    /// model go through a dictionary after one parse per name; `nil` for a name that is not valid.
    public static func identity(of text: String) -> String? {
        (try? ModelName(text))?.fullyQualified.lowercased()
    }

    /// The shortest form Ollama displays, as `/api/tags` lists it: "llama3.2:latest",
    /// "namespace/model:tag", or "host/namespace/model:tag" outside the default registry.
    public var displayShortest: String {
        if host.lowercased() != Self.defaultHost {
            return "\(host)/\(namespace)/\(model):\(tag)"
        }
        if namespace.lowercased() != Self.defaultNamespace {
            return "\(namespace)/\(model):\(tag)"
        }
        return "\(model):\(tag)"
    }

    /// Every part spelled out: "registry.ollama.ai/library/llama3.2:latest".
    public var fullyQualified: String { "\(host)/\(namespace)/\(model):\(tag)" }

    /// The same as `displayShortest`.
    public var description: String { displayShortest }

    public static func == (lhs: ModelName, rhs: ModelName) -> Bool {
        lhs.fullyQualified.lowercased() == rhs.fullyQualified.lowercased()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fullyQualified.lowercased())
    }

    /// Go's cutPromised: splits at `index`; an empty side becomes a marker that fails validation.
    private static func cutPromised(_ text: Substring, at index: Substring.Index) -> (Substring, String) {
        let before = text[..<index], after = text[text.index(after: index)...]
        return (before.isEmpty ? Substring(missing) : before, after.isEmpty ? missing : String(after))
    }

    private static let missing = "!MISSING!"

    private enum Part: String {
        case host, namespace, model, tag

        private var allowedCharacters: String {
            switch self {
            case .host: "letters, digits, '_', '-', '.' and ':'"
            case .namespace: "letters, digits, '_' and '-'"
            case .model, .tag: "letters, digits, '_', '-' and '.'"
            }
        }

        /// Why `value` is not a valid part of this kind, following Go's isValidPart; `nil` when valid.
        func problem(with value: String) -> String? {
            if value.isEmpty || value == ModelName.missing {
                return "the \(rawValue) is empty"
            }
            let limit = self == .host ? 350 : 80
            guard value.utf8.count <= limit else {
                return "the \(rawValue) '\(value)' is longer than \(limit) characters"
            }
            for (offset, byte) in value.utf8.enumerated() {
                let alphanumeric = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                if alphanumeric { continue }
                let allowed = offset > 0 && (byte == UInt8(ascii: "-")
                    || (byte == UInt8(ascii: ".") && self != .namespace)
                    || (byte == UInt8(ascii: ":") && self == .host))
                if !allowed {
                    return "the \(rawValue) '\(value)' must start with a letter, digit or '_' and contain only "
                        + allowedCharacters
                }
            }
            return nil
        }
    }
}
