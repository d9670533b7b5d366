// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Readiness",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "OllamaKit", targets: ["OllamaKit"]),
        .library(name: "ReadinessKit", targets: ["ReadinessKit"]),
        .library(name: "ReadinessTesting", targets: ["ReadinessTesting"]),
        .executable(name: "readiness", targets: ["readiness"]),
        .executable(name: "ollama-sim", targets: ["ollama-sim"]),
    ],
    targets: [
        // Ollama REST client: typed requests and responses, NDJSON streaming, typed errors.
        .target(name: "OllamaKit"),
        // An Ollama-compatible HTTP server driven by a scenario file (a library so tests start it in-process).
        .target(name: "OllamaSimulator", dependencies: ["OllamaKit"]),
        .executableTarget(name: "ollama-sim", dependencies: ["OllamaSimulator"]),
        // The domain: config, criteria, quality, probes, event streams, verdicts, gates, reports.
        .target(name: "ReadinessKit", dependencies: ["OllamaKit"]),
        // The shared Ollama fixture the readiness suites (and users' own criteria) run against.
        .target(name: "ReadinessTesting", dependencies: ["ReadinessKit", "OllamaKit"]),
        .executableTarget(name: "readiness", dependencies: ["ReadinessKit"]),
        // `make bench`: report generation speed against a baseline measured in the same run.
        .executableTarget(name: "readiness-bench", dependencies: ["ReadinessKit", "OllamaKit"]),

        .testTarget(name: "OllamaKitTests", dependencies: ["OllamaKit", "OllamaSimulator"]),
        .testTarget(name: "OllamaSimulatorTests", dependencies: ["OllamaSimulator", "OllamaKit"]),
        .testTarget(
            name: "ReadinessKitTests",
            dependencies: ["ReadinessKit", "OllamaSimulator", "OllamaKit"]
        ),
        // The readiness criteria: `swift test --filter ReadinessSuites` is the readiness check.
        .testTarget(
            name: "ReadinessSuites",
            dependencies: ["ReadinessTesting", "ReadinessKit", "OllamaKit"],
            path: "IntegrationTests/ReadinessSuites"
        ),
    ],
    swiftLanguageModes: [.v6]
)
