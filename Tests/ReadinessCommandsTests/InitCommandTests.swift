import Foundation
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// `readiness init`: what a new readiness package holds, and that nothing is ever overwritten.
struct InitCommandTests {
    static let files = ["Package.swift", "readiness.json", "Tests/FleetChecks/FleetCriteria.swift", ".github/workflows/readiness.yml", ".gitignore"]

    @Test func `init writes a package that depends on this checkout and runs the criteria under any test target name`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let result = await ReadinessCLITests.run(
                ["init", "fleet", "--framework", DomainFixtures.root.path, "--test-target", "FleetChecks", "--model", "qwen3:8b"], in: folder
            )
            #expect(result.status == .success)
            for file in Self.files {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fleet/\(file)").path), "\(file)")
            }
            let manifest = try String(contentsOf: folder.appendingPathComponent("fleet/Package.swift"), encoding: .utf8)
            let relative = FrameworkReference.relativePath(from: folder.appendingPathComponent("fleet"), to: DomainFixtures.root)
            #expect(manifest.contains(".package(name: \"Readiness\", path: \"\(relative)\")"))
            #expect(manifest.contains("name: \"FleetChecks\""))
            #expect(manifest.contains(".product(name: \"ReadinessCriteria\", package: \"Readiness\")"))
            // The readiness.json it writes loads, checks the one model, and its default gate needs no backup scripts.
            let config = try ReadinessConfig.load(from: folder.appendingPathComponent("fleet/readiness.json"), environment: [:])
            #expect(config.criticalModels.map(\.name) == ["qwen3:8b"])
            #expect(config.gate(named: "phase2")?.criteria == ["models-available", "models-respond", "success-rate", "response-time", "quality", "ollama-service"])
            let workflow = try String(contentsOf: folder.appendingPathComponent("fleet/.github/workflows/readiness.yml"), encoding: .utf8)
            #expect(workflow.contains("run: swift run readiness check") && workflow.contains("needs: readiness"))
        }
    }

    @Test func `init refuses a folder that already has one of its files, names it, and writes nothing`() async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try DomainFixtures.write("{}\n", to: "readiness.json", in: folder)
            let result = await ReadinessCLITests.run(["init", "--framework", DomainFixtures.root.path], in: folder)
            #expect(result.status == .undecided)
            #expect(result.err == "Error: '.' already has 'readiness.json'; nothing was written. Choose an empty folder, or move those files away.\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["readiness.json"])
            #expect(try String(contentsOf: folder.appendingPathComponent("readiness.json"), encoding: .utf8) == "{}\n")
        }
    }

    @Test func `init refuses a framework folder that is not a package`() async {
        await DomainFixtures.withTemporaryDirectory { folder in
            let result = await ReadinessCLITests.run(["init", "fleet", "--framework", "elsewhere"], in: folder)
            #expect(result.status == .undecided)
            #expect(result.err == "Error: --framework 'elsewhere' holds no Package.swift. Pass --framework with a checkout of Readiness or its git URL.\n")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fleet").path))
        }
    }

    @Test func `a git URL becomes a branch dependency named after the repository`() throws {
        let reference = try FrameworkReference.resolve(
            "https://github.com/example/Readiness.git", package: URL(fileURLWithPath: "/tmp/fleet"),
            context: RunnerContext(environment: [:], currentDirectory: URL(fileURLWithPath: "/"), isTerminal: false, output: { _ in }, errorOutput: { _ in })
        )
        #expect(reference == FrameworkReference(
            dependency: ".package(url: \"https://github.com/example/Readiness.git\", branch: \"main\")", identity: "readiness"
        ))
    }

    @Test(arguments: [
        ("/work/fleet", "/work/readiness", "../readiness"),
        ("/work/readiness/IntegrationTests", "/work/readiness", ".."),
        ("/a/b/c", "/a/x", "../../x"),
        ("/a", "/a", "."),
    ])
    func `a local checkout is written relative to the new package`(from: String, to: String, expected: String) {
        #expect(FrameworkReference.relativePath(from: URL(fileURLWithPath: from), to: URL(fileURLWithPath: to)) == expected)
    }
}
