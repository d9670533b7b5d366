import Foundation

extension Duration {
    /// The duration in seconds, for Foundation APIs and measurements, e.g. 0.25 for 250 ms.
    public var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
