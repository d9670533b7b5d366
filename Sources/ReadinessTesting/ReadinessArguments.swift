import Foundation
import ReadinessKit

/// Test arguments that must be known when tests are discovered, before any fixture exists.
public enum ReadinessArguments {
    /// The argument that stands in for the models when readiness.json cannot be loaded: its test then fails
    /// with the config error instead of silently running zero cases.
    public static let configDidNotLoad = "(readiness.json did not load)"

    /// The argument that stands in for the models when readiness.json marks none critical: its test fails,
    /// since a readiness check of no models would prove nothing.
    public static let noCriticalModels = "(no critical models in readiness.json)"

    /// The names of the config's critical models, in file order, or one of the placeholders.
    /// - Parameters:
    ///   - environment: Where READINESS_CONFIG, OLLAMA_HOST and HOME are read from.
    ///   - currentDirectory: What a relative READINESS_CONFIG and ./readiness.json are resolved against.
    public static func criticalModels(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> [String] {
        let url = ReadinessConfig.locate(environment: environment, currentDirectory: currentDirectory)
        guard let config = try? ReadinessConfig.load(from: url, environment: environment) else { return [configDidNotLoad] }
        return config.criticalModels.isEmpty ? [noCriticalModels] : config.criticalModels.map(\.name)
    }
}
