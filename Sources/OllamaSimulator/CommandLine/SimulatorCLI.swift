import Dispatch
import Foundation

/// `ollama-sim`: parses the command line, loads the scenario, serves it until a signal, or around a command.
package enum SimulatorCLI {
    /// Runs the simulator with the arguments after the program name.
    /// - Returns: The exit status: 0 after SIGINT/SIGTERM, `--help` or `--version`, 2 for a usage error or bad scenario,
    ///   1 when the address cannot be bound, or the status of the command given after `--`.
    package static func main(_ arguments: [String]) -> Int32 {
        let options: SimulatorOptions
        do {
            options = try SimulatorOptions.parse(arguments)
        } catch let error as UsageError {
            printError(SimulatorOptions.errorText(error))
            return 2
        } catch {
            printError("Error: \(error)")
            return 2
        }
        if options.help {
            print(SimulatorOptions.helpText)
            return 0
        }
        if options.version {
            print(SimulatorOptions.versionText)
            return 0
        }
        let scenario: Scenario
        do {
            scenario = try Scenario.load(from: URL(fileURLWithPath: options.scenarioPath))
        } catch {
            printError("Error: \(error)")
            return 2
        }
        let simulator: OllamaSimulator
        do {
            simulator = try OllamaSimulator.start(scenario: scenario, host: options.host, port: options.port)
        } catch {
            printError("Error: cannot listen on \(options.host):\(options.port): \(error)")
            return 1
        }
        // Written straight to the descriptor so a script reading the first line sees it at once.
        FileHandle.standardOutput.write(Data("listening on http://\(options.host):\(simulator.port)\n".utf8))
        defer { simulator.stop() }
        return options.command.isEmpty ? waitForSignal() : run(options.command, against: simulator)
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    private static func waitForSignal() -> Int32 {
        let received = DispatchSemaphore(value: 0)
        let sources = watchSignals { _ in received.signal() }
        received.wait()
        sources.forEach { $0.cancel() }
        return 0
    }

    /// Runs `command` (searched on PATH) with OLLAMA_HOST naming the simulator, passing signals on to it.
    private static func run(_ command: [String], against simulator: OllamaSimulator) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        var environment = ProcessInfo.processInfo.environment
        environment["OLLAMA_HOST"] = simulator.baseURL.absoluteString
        process.environment = environment
        do {
            try process.run()
        } catch {
            printError("Error: cannot run '\(command.joined(separator: " "))': \(error)")
            return 1
        }
        let pid = process.processIdentifier
        let sources = watchSignals { signal in kill(pid, signal) }
        process.waitUntilExit()
        sources.forEach { $0.cancel() }
        let status = process.terminationStatus
        return process.terminationReason == .exit ? status : 128 + status
    }

    /// Delivers SIGINT and SIGTERM to `handler` on a background queue instead of ending the process.
    private static func watchSignals(_ handler: @escaping @Sendable (Int32) -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
