// swift-tools-version: 6.3
import PackageDescription

// A readiness package: `swift test` here runs every built-in readiness criterion (linked from the
// ReadinessCriteria product) and your own (Tests/MiradorReadiness) against the Ollama in OLLAMA_HOST.
let package = Package(
    name: "IntegrationTests",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Readiness", path: ".."),
    ],
    targets: [
        .testTarget(
            name: "MiradorReadiness",
            dependencies: [
                .product(name: "ReadinessCriteria", package: "Readiness"),
                .product(name: "ReadinessTesting", package: "Readiness"),
                .product(name: "ReadinessKit", package: "Readiness"),
            ]
        ),
    ]
)
