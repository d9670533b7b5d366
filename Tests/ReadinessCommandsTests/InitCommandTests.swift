import Foundation
import OllamaKit
import OllamaSimulator
import Testing
@testable import ReadinessCommands
import ReadinessKit
import TestFixtures

/// `readiness init`: what a new readiness package holds, and that nothing is ever overwritten.
struct InitCommandTests {
    static let files = [
        "Package.swift", "readiness.json", "Tests/FleetChecks/FleetCriteria.swift", ".gitignore", ".github/workflows/readiness.yml", "ci/ollama-sim.json",
    ]
    static let context = RunnerContext(
        environment: ProcessInfo.processInfo.environment, currentDirectory: URL(fileURLWithPath: "/"), isTerminal: false, output: { _ in }, errorOutput: { _ in }
    )

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
            for job in ["dry-run:", "check:", "migrate:", "needs: check", "pull_request:", "workflow_dispatch:", "container: swift:6.3"] {
                #expect(workflow.contains("\n    \(job)") || workflow.contains("\n  \(job)"), "\(job)")
            }
            #expect(workflow.contains("run: swift run readiness check --wait-for-ollama 2m --out readiness-report"))
            #expect(workflow.contains("READINESS_STATE_DIR: readiness-state"))
            // The dry run's scenario serves the one model with an answer its prompt expects.
            let scenario = try Scenario.load(from: folder.appendingPathComponent("fleet/ci/ollama-sim.json"))
            #expect(scenario.models.map(\.name.description) == ["qwen3:8b"])
            let ignored = try String(contentsOf: folder.appendingPathComponent("fleet/.gitignore"), encoding: .utf8)
            #expect(!ignored.contains("Package.resolved"), "Package.resolved pins the build: it is committed")
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

    @Test func `a git URL becomes a dependency pinned from this version, named after the repository`() async throws {
        let reference = try await FrameworkReference.resolve(
            "https://github.com/example/Readiness.git", package: URL(fileURLWithPath: "/tmp/fleet"), context: Self.context
        )
        #expect(reference == FrameworkReference(
            dependency: ".package(url: \"https://github.com/example/Readiness.git\", from: \"\(ToolVersion.release)\")", identity: "readiness"
        ))
    }

    @Test func `without --framework the build checkout's origin is pinned to its commit, and no origin is refused`() async throws {
        try await DomainFixtures.withTemporaryDirectory { checkout in
            func git(_ arguments: String...) async throws -> String {
                let result = try await Subprocess.run("git", ["-C", checkout.path, "-c", "user.name=t", "-c", "user.email=t@t"] + arguments, timeout: .seconds(30))
                try #require(result.succeeded, "git \(arguments): \(result.stderr)")
                return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            _ = try await git("init", "-q")
            _ = try await git("commit", "-q", "--allow-empty", "-m", "release")
            let unpublished = await #expect(throws: InitCommand.Refusal.self) {
                try await FrameworkReference.resolve(nil, package: checkout, checkout: checkout, context: Self.context)
            }
            #expect(unpublished?.description.contains("has no published origin to pin. Pass --framework URL") == true)
            _ = try await git("remote", "add", "origin", "https://example.com/tools/readiness.git")
            let revision = try await git("rev-parse", "HEAD")
            let reference = try await FrameworkReference.resolve(nil, package: checkout, checkout: checkout, context: Self.context)
            #expect(reference.dependency == ".package(url: \"https://example.com/tools/readiness.git\", revision: \"\(revision)\")")
        }
    }

    @Test(arguments: [("gitlab", [".gitlab-ci.yml", "ci/ollama-sim.json"]), ("none", [])])
    func `--ci chooses the pipeline written`(_ system: String, pipeline: [String]) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let result = await ReadinessCLITests.run(["init", "fleet", "--framework", DomainFixtures.root.path, "--ci", system], in: folder)
            #expect(result.status == .success, "\(result.err)")
            for file in [".gitlab-ci.yml", ".github/workflows/readiness.yml", "ci/ollama-sim.json"] {
                #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fleet/\(file)").path) == pipeline.contains(file), "\(file)")
            }
        }
    }

    @Test func `an unknown --ci is a usage error`() async {
        let result = await ReadinessCLITests.run(["init", "fleet", "--ci", "jenkins"])
        #expect(result.status == .undecided)
        #expect(result.err.hasPrefix("Error: --ci 'jenkins' is not github, gitlab or none\n"))
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
