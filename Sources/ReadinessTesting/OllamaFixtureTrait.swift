import Foundation
import Testing

/// Provides one `ReadinessFixture` to a suite and everything inside it.
///
/// Put it on one parent suite (`@Suite(.ollamaFixture) struct Readiness {}`) and declare the criteria suites
/// as extensions of it: `provideScope` then runs once for the whole tree, so every test shares one client,
/// one config, one request budget and the memoized Ollama answers. (A suite's `init` runs per test, so it
/// cannot hold shared state.)
public struct OllamaFixtureTrait: SuiteTrait, TestScoping {
    /// The environment the fixture reads READINESS_CONFIG, OLLAMA_HOST, OLLAMA_MODELS and HOME from.
    public var environment: [String: String]
    /// The folder a relative READINESS_CONFIG and ./readiness.json are resolved against.
    public var currentDirectory: URL

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        // A nested suite that repeats the trait shares the fixture it is already inside.
        if ReadinessFixture.current != nil {
            try await function()
            return
        }
        let fixture = ReadinessFixture.shared(environment: environment, currentDirectory: currentDirectory)
        let tally = CriterionTally()
        try await ReadinessFixture.$current.withValue(fixture) {
            try await CriterionTally.$current.withValue(tally, operation: function)
        }
        // Fail closed: a filter that left only tests recording no criterion would otherwise pass, having checked nothing.
        if tally.count == 0 {
            Issue.record(Comment(rawValue: Self.nothingChecked(test.name)))
        }
    }

    /// The failure of a suite tree in which no criterion was recorded.
    static func nothingChecked(_ suite: String) -> String {
        "No readiness criterion was recorded in '\(suite)': a readiness check that checks nothing is not a pass. "
            + "Run the criteria (check your --filter/--skip), and record your own with ReadinessFixture.check or record."
    }
}

extension Trait where Self == OllamaFixtureTrait {
    /// One shared Ollama fixture for this suite and every suite and test inside it.
    public static var ollamaFixture: Self { OllamaFixtureTrait() }
}
