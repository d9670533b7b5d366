/// How long Ollama keeps a model loaded after a request: a number of seconds or a Go duration string.
public enum KeepAlive: Codable, Sendable, Equatable {
    /// Seconds; 0 unloads the model at once and a negative number keeps it loaded forever.
    case seconds(Int)
    /// A Go duration such as "5m" or "1h30m".
    case duration(String)

    /// Keeps the model loaded until Ollama stops.
    public static let forever = KeepAlive.seconds(-1)
    /// Unloads the model as soon as the request ends.
    public static let unloadNow = KeepAlive.seconds(0)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Int.self) {
            self = .seconds(seconds)
        } else if let seconds = try? container.decode(Double.self) {
            // Go reads a JSON number as float64 seconds and truncates it.
            self = .seconds(Int(seconds))
        } else {
            self = .duration(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .seconds(let seconds): try container.encode(seconds)
        case .duration(let text): try container.encode(text)
        }
    }
}
