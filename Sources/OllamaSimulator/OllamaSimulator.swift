import Foundation

/// An Ollama-compatible HTTP server driven by a scenario, started in-process for tests or by `ollama-sim`.
package final class OllamaSimulator: Sendable {
    /// Where clients reach the server, e.g. "http://127.0.0.1:54321".
    package let baseURL: URL
    /// The port actually bound (the free port chosen when 0 was asked for).
    package let port: Int
    /// The address bound, as given.
    package let host: String

    private let server: HTTPServer
    private let service: SimulatorService

    private init(server: HTTPServer, service: SimulatorService, host: String) {
        self.server = server
        self.service = service
        self.host = host
        self.port = server.port
        // A wildcard address is not somewhere to connect to; loopback reaches it.
        let reachable = host == "0.0.0.0" ? "127.0.0.1" : host
        self.baseURL = URL(string: "http://\(reachable):\(server.port)")!
    }

    /// Binds `host:port` and starts serving `scenario`.
    /// - Parameters:
    ///   - scenario: The models and their behaviour.
    ///   - host: An IPv4 address (or "localhost").
    ///   - port: The port; 0 picks a free one (read it from `port` or `baseURL`).
    ///   - limits: What a connection may send and how long it may take.
    /// - Throws: `SocketError` when the address cannot be bound.
    package static func start(
        scenario: Scenario, host: String = "127.0.0.1", port: Int = 0, limits: SimulatorLimits = SimulatorLimits()
    ) throws -> OllamaSimulator {
        // The server's handler needs the service, and the service the server's stop signal.
        let stop = StopSignal()
        let service = SimulatorService(scenario: scenario, stop: stop)
        let server = try HTTPServer(host: host, port: port, limits: limits, stopSignal: stop) { request, writer in
            service.handle(request, writer)
        }
        return OllamaSimulator(server: server, service: service, host: host)
    }

    /// Stops serving: cuts open connections (ending hangs and streams) and waits for them to finish.
    package func stop() {
        server.stop()
    }

    /// Counts the server has observed so far (requests, generations, peak concurrency and queueing).
    package var statistics: SimulatorStatistics {
        service.slots.snapshot
    }
}

/// Runs `body` with a simulator serving `scenario` on a free loopback port, and stops it afterwards,
/// also when `body` throws.
/// - Parameters:
///   - scenario: The models and their behaviour.
///   - limits: What a connection may send and how long it may take.
///   - body: Receives the server's base URL.
/// - Returns: What `body` returns.
/// - Throws: `SocketError` when no port can be bound, or what `body` throws.
package func withSimulator<Result>(
    _ scenario: Scenario, limits: SimulatorLimits = SimulatorLimits(), _ body: (URL) async throws -> Result
) async throws -> Result {
    let simulator = try OllamaSimulator.start(scenario: scenario, limits: limits)
    defer { simulator.stop() }
    return try await body(simulator.baseURL)
}
