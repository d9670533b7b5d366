import Foundation
import ReadinessKit
@testable import ReadinessTesting
import TestFixtures
import Testing

/// What the fixture records for the criteria: the issues that decide `swift test`, checked with Swift Testing's
/// own `withKnownIssue`, which turns an expected issue into a pass and a missing one into a failure.
struct ReadinessFixtureTests {
    static let root = URL(fileURLWithPath: "/", isDirectory: true)

    /// Runs `body` with a fixture for a readiness.json of `json` in a temporary folder.
    static func withFixture(_ json: String, _ body: (ReadinessFixture, [String: String]) async throws -> Void) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let file = try DomainFixtures.write(json, to: "readiness.json", in: folder)
            let environment = ["READINESS_CONFIG": file.path, "OLLAMA_HOST": "127.0.0.1:9"]
            try await body(ReadinessFixture(environment: environment, currentDirectory: folder), environment)
        }
    }

    static func comments(_ issue: Issue) -> String {
        issue.comments.map(\.rawValue).joined(separator: "\n")
    }

    @Test func `a config that does not load fails even a recommended criterion, naming the file`() async {
        let fixture = ReadinessFixture(environment: ["READINESS_CONFIG": "/nonexistent/readiness.json"], currentDirectory: Self.root)
        #expect(throws: ConfigError.notFound("/nonexistent/readiness.json")) { try fixture.config }
        await withKnownIssue {
            await fixture.check(.docs)
        } matching: { issue in
            issue.severity == .error && Self.comments(issue).hasPrefix("/nonexistent/readiness.json: file not found")
        }
    }

    @Test func `the model arguments stand in for a config that does not load, so its tests run and fail`() {
        let models = ReadinessArguments.criticalModels(environment: ["READINESS_CONFIG": "/nonexistent/r.json"], currentDirectory: Self.root)
        #expect(models == [ReadinessArguments.configDidNotLoad])
    }

    @Test func `a config with no critical model fails the per-model criteria instead of checking nothing`() async throws {
        try await Self.withFixture("""
            {"models": [{"name": "m", "critical": false, "prompts": [{"prompt": "p", "expect": ["k"]}]}]}
            """) { fixture, environment in
            let models = ReadinessArguments.criticalModels(environment: environment, currentDirectory: Self.root)
            #expect(models == [ReadinessArguments.noCriticalModels])
            await withKnownIssue {
                await fixture.check(.modelsAvailable, model: models[0])
            } matching: { issue in
                issue.severity == .error && Self.comments(issue).contains("readiness.json marks no model critical")
            }
        }
    }

    @Test func `a recommended criterion that fails records a warning, a critical one an error`() {
        withKnownIssue {
            ReadinessFixture.record(Criterion.diskSpace.result(passed: false, message: "disk is 95% full"))
        } matching: { issue in
            issue.severity == .warning && Self.comments(issue) == "disk is 95% full"
        }
        withKnownIssue {
            ReadinessFixture.record(Criterion.backupScripts.result(passed: false, message: "no backup scripts", actions: ["Write one."]))
        } matching: { issue in
            issue.severity == .error && Self.comments(issue) == "no backup scripts\nAction: Write one."
        }
    }

    @Test func `a user criterion that throws fails with the error, as its own criterion`() async throws {
        struct Unreachable: Error, CustomStringConvertible {
            var description: String { "the vector store did not answer" }
        }
        let custom = Criterion(
            id: "vector-store", title: "Vector store answers", area: .systemHealth, severity: .critical,
            needsOllama: false, isPerModel: false
        )
        try await Self.withFixture("""
            {"models": [{"name": "m", "prompts": [{"prompt": "p", "expect": ["k"]}]}]}
            """) { fixture, _ in
            await withKnownIssue {
                await fixture.check(custom) { _ in throw Unreachable() }
            } matching: { issue in
                issue.severity == .error && Self.comments(issue) == "the vector store did not answer"
            }
        }
    }

    @Test func `a suite tree in which no criterion was recorded fails`() async throws {
        let trait = OllamaFixtureTrait(environment: ["READINESS_CONFIG": "/nonexistent/r.json"], currentDirectory: Self.root)
        let test = try #require(Test.current)
        try await withKnownIssue {
            try await trait.provideScope(for: test, testCase: nil) {}
        } matching: { issue in
            Self.comments(issue) == OllamaFixtureTrait.nothingChecked(test.name)
        }
        // With a criterion recorded inside the tree, nothing more is recorded than that criterion's own pass.
        try await trait.provideScope(for: test, testCase: nil) {
            ReadinessFixture.record(Criterion.docs.result(passed: true, message: "docs are current"))
        }
    }

    @Test func `suite trees share one fixture per environment and folder`() {
        let environment = ["READINESS_CONFIG": "/nonexistent/shared.json"]
        let first = ReadinessFixture.shared(environment: environment, currentDirectory: Self.root)
        #expect(first === ReadinessFixture.shared(environment: environment, currentDirectory: Self.root))
        #expect(first !== ReadinessFixture.shared(environment: ["READINESS_CONFIG": "/other.json"], currentDirectory: Self.root))
    }
}
