// swift-tools-version: 6.3
// Swift 6.3 or later: the criteria record warning-severity issues and the runner reads event stream version 6.3.
import PackageDescription

let package = Package(
    name: "Readiness",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "OllamaKit", targets: ["OllamaKit"]),
        .library(name: "ReadinessKit", targets: ["ReadinessKit"]),
        .library(name: "ReadinessTesting", targets: ["ReadinessTesting"]),
        // What a user's readiness package links: every built-in criterion, discovered by `swift test` there.
        .library(name: "ReadinessCriteria", targets: ["ReadinessCriteria"]),
        .executable(name: "readiness", targets: ["readiness"]),
        .executable(name: "ollama-sim", targets: ["ollama-sim"]),
    ],
    targets: [
        // Ollama REST client: typed requests and responses, NDJSON streaming, typed errors.
        .target(name: "OllamaKit", dependencies: ["BuildRevision"]),
        // The source revision `make install` compiles in (a C define: Swift has no build-time values).
        .target(name: "BuildRevision"),
        // The one strict JSON parser (RFC 8259, positions for messages) for readiness.json and scenario files.
        .target(name: "StrictJSON"),
        // An Ollama-compatible HTTP server driven by a scenario file (a library so tests start it in-process).
        .target(name: "OllamaSimulator", dependencies: ["OllamaKit", "StrictJSON"]),
        .executableTarget(name: "ollama-sim", dependencies: ["OllamaSimulator"]),
        // What runs inside the user's `swift test`: config, the criteria catalog, measurements, quality, probes, Modelfiles.
        .target(name: "ReadinessKit", dependencies: ["OllamaKit", "StrictJSON"]),
        // What only the runner runs afterwards, not a product: event-stream evidence, verdicts, gates, reports, backups.
        .target(name: "ReadinessReports", dependencies: ["ReadinessKit", "OllamaKit", "StrictJSON"]),
        // Changing the fleet, apart from judging it: diagnosis, generated scripts, build, validate, inventory.
        .target(name: "FleetKit", dependencies: ["ReadinessKit", "ReadinessReports", "OllamaKit"]),
        // The shared Ollama fixture the criteria (built-in and users' own) run against.
        .target(name: "ReadinessTesting", dependencies: ["ReadinessKit", "OllamaKit"]),
        // The built-in readiness criteria as Swift Testing suites, compiled into the user's test run.
        .target(name: "ReadinessCriteria", dependencies: ["ReadinessTesting", "ReadinessKit"]),
        // The runner's commands: parsing, help, spawning `swift test`, publishing; `readiness` is its thin executable.
        .target(name: "ReadinessCommands", dependencies: ["ReadinessKit", "ReadinessReports", "FleetKit", "OllamaKit"]),
        .executableTarget(name: "readiness", dependencies: ["ReadinessCommands"]),
        // `make bench`: report generation speed against a baseline measured in the same run.
        .executableTarget(name: "readiness-bench", dependencies: ["ReadinessKit", "ReadinessReports", "OllamaKit", "OllamaSimulator", "TestFixtures"]),

        // Unit tests: fast, deterministic, no simulator process (`swift test` at the root runs exactly these).
        .target(name: "TestFixtures", dependencies: ["ReadinessKit", "ReadinessReports"], path: "Tests/TestFixtures"),
        // A loopback server sending canned bytes, for what the simulator does not serve or would not send.
        .target(name: "HTTPTestSupport", dependencies: ["OllamaSimulator"], path: "Tests/HTTPTestSupport"),
        .testTarget(name: "StrictJSONTests", dependencies: ["StrictJSON"]),
        .testTarget(name: "OllamaKitTests", dependencies: ["OllamaKit", "OllamaSimulator", "HTTPTestSupport"]),
        .testTarget(name: "OllamaSimulatorTests", dependencies: ["OllamaSimulator", "OllamaKit"]),
        .testTarget(name: "ReadinessKitTests", dependencies: ["ReadinessKit", "OllamaSimulator", "OllamaKit", "TestFixtures", "HTTPTestSupport"]),
        .testTarget(name: "ReadinessReportsTests", dependencies: ["ReadinessReports", "ReadinessKit", "OllamaSimulator", "OllamaKit", "TestFixtures"]),
        .testTarget(name: "ReadinessTestingTests", dependencies: ["ReadinessTesting", "ReadinessKit", "TestFixtures"]),
        .testTarget(
            name: "ReadinessCommandsTests",
            dependencies: ["ReadinessCommands", "ReadinessKit", "ReadinessReports", "FleetKit", "OllamaSimulator", "OllamaKit", "TestFixtures"]
        ),
        .testTarget(
            name: "FleetKitTests",
            dependencies: ["FleetKit", "OllamaSimulator", "OllamaKit", "ReadinessKit", "ReadinessReports", "TestFixtures", "HTTPTestSupport"],
            // The `ollama` stand-in the generated scripts run in tests: a python3 script, not a resource.
            exclude: ["Support/ollama"]),
    ],
    swiftLanguageModes: [.v6]
)
