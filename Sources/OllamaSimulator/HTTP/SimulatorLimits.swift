/// What one connection may send before the simulator refuses it, so no client can exhaust it.
///
/// Ollama itself (Go's `net/http` with no timeouts set) limits only the head, to 1 MiB; the simulator also
/// bounds bodies, header counts and idle time, answering the way Go's server answers such limits.
package struct SimulatorLimits: Sendable, Equatable {
    /// The largest body; a larger one is answered 413 before it is read.
    package var maximumBodyBytes: Int
    /// The largest request line plus headers (Go's `DefaultMaxHeaderBytes`); more is answered 431.
    package var maximumHeadBytes: Int
    /// The most header fields; more is answered 431.
    package var maximumHeaderCount: Int
    /// Seconds from a request's first byte to its last; a slower one is closed without an answer, as
    /// Go's `ReadTimeout` does.
    package var requestTimeout: Double
    /// Seconds a connection may sit without starting a request. Longer than `requestTimeout`: Ollama never
    /// closes idle connections, and a client reusing a pooled one just as it closes sees a failed request.
    package var idleTimeout: Double

    package init(
        maximumBodyBytes: Int = 10 << 20, maximumHeadBytes: Int = 1 << 20, maximumHeaderCount: Int = 100,
        requestTimeout: Double = 30, idleTimeout: Double = 300
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumHeadBytes = maximumHeadBytes
        self.maximumHeaderCount = maximumHeaderCount
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }
}
