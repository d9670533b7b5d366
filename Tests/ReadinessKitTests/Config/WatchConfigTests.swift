import Foundation
import TestFixtures
import Testing
@testable import ReadinessKit

/// readiness.json's `watch` section: defaults, values, and one error per bad value naming the key and the fix.
@Suite struct WatchConfigTests {
    static let model = ConfigErrorTests.model

    static func load(_ json: String) async throws -> ReadinessConfig {
        try await DomainFixtures.withTemporaryDirectory { folder in
            try ReadinessConfig.load(from: try DomainFixtures.write(json, to: "readiness.json", in: folder), environment: [:])
        }
    }

    @Test func `without a watch section, or with an empty one, the defaults apply`() async throws {
        for json in [#"{"models": [\#(Self.model)]}"#, #"{"watch": {}, "models": [\#(Self.model)]}"#, #"{"watch": null, "models": [\#(Self.model)]}"#] {
            let watch = try await Self.load(json).watch
            #expect(watch.rounds == 1)
            #expect(watch.tolerances == ReadinessConfig.Watch.Tolerances())
            #expect(watch.tolerances.latencyP95Factor == 1.5 && watch.tolerances.latencyAverageFactor == 1.5)
            #expect(watch.tolerances.latencyMarginSeconds == 0.25)
            #expect(watch.tolerances.successRateDrop == 0.1 && watch.tolerances.qualityDrop == 0.1)
        }
        #expect(try StreamFixtures.config().watch == ReadinessConfig.Watch(), "the Mirador fixture relies on the defaults")
    }

    @Test func `every key is read, bounds included`() async throws {
        let json = #"""
            {"models": [\#(Self.model)], "watch": {"rounds": 100, "tolerances": {
              "latencyP95Factor": 1, "latencyAverageFactor": 100, "latencyMarginSeconds": 0, "successRateDrop": 0, "qualityDrop": 1}}}
            """#
        let watch = try await Self.load(json).watch
        #expect(watch.rounds == 100)
        #expect(watch.tolerances.latencyP95Factor == 1)
        #expect(watch.tolerances.latencyAverageFactor == 100)
        #expect(watch.tolerances.latencyMarginSeconds == 0)
        #expect(watch.tolerances.successRateDrop == 0)
        #expect(watch.tolerances.qualityDrop == 1)
    }

    static let cases: [ConfigErrorTests.Case] = [
        .init(name: "factor below 1", json: #"{"models": [\#(model)], "watch": {"tolerances": {"latencyP95Factor": 0.5}}}"#,
              message: "watch.tolerances.latencyP95Factor: expected a growth factor from 1 to 100, found the number 0.5. Write how many times its baseline a model's 95th-percentile latency may become before 'readiness watch' pauses the migration, e.g. 1.5."),
        .init(name: "factor as a percentage", json: #"{"models": [\#(model)], "watch": {"tolerances": {"latencyAverageFactor": 150}}}"#,
              message: "watch.tolerances.latencyAverageFactor: expected a growth factor from 1 to 100, found the number 150. Write how many times its baseline a model's average latency may become before 'readiness watch' pauses the migration, e.g. 1.5."),
        .init(name: "factor as a string", json: #"{"models": [\#(model)], "watch": {"tolerances": {"latencyP95Factor": "1.5x"}}}"#,
              message: "watch.tolerances.latencyP95Factor: expected a growth factor from 1 to 100, found the string '1.5x'. Write how many times its baseline a model's 95th-percentile latency may become before 'readiness watch' pauses the migration, e.g. 1.5."),
        .init(name: "negative margin", json: #"{"models": [\#(model)], "watch": {"tolerances": {"latencyMarginSeconds": -1}}}"#,
              message: "watch.tolerances.latencyMarginSeconds: expected a number of seconds from 0 to 3600, found the number -1. Write by how many seconds a latency must also exceed its baseline to count as degraded, e.g. 0.25."),
        .init(name: "success-rate drop as a percentage", json: #"{"models": [\#(model)], "watch": {"tolerances": {"successRateDrop": 10}}}"#,
              message: "watch.tolerances.successRateDrop: expected a drop from 0 to 1, found the number 10. Write how far below its baseline a model's success rate (a fraction) may fall before 'readiness watch' pauses the migration, e.g. 0.1."),
        .init(name: "negative quality drop", json: #"{"models": [\#(model)], "watch": {"tolerances": {"qualityDrop": -0.1}}}"#,
              message: "watch.tolerances.qualityDrop: expected a drop from 0 to 1, found the number -0.1. Write how far below its baseline a model's quality score (0 to 1) may fall before 'readiness watch' pauses the migration, e.g. 0.1."),
        .init(name: "misspelt tolerance", json: #"{"models": [\#(model)], "watch": {"tolerances": {"latencyP95Facter": 2}}}"#,
              message: "watch.tolerances.latencyP95Facter: unknown key 'latencyP95Facter' (did you mean 'latencyP95Factor'?). Rename it to 'latencyP95Factor' or remove it."),
        .init(name: "tolerance at the watch level", json: #"{"models": [\#(model)], "watch": {"qualityDrop": 0.2}}"#,
              message: "watch.qualityDrop: unknown key 'qualityDrop'. Remove it; the keys allowed here are rounds, tolerances."),
        .init(name: "zero rounds", json: #"{"models": [\#(model)], "watch": {"rounds": 0}}"#,
              message: "watch.rounds: expected a whole number from 1 to 100, found the number 0. Write how many times 'readiness watch' sends each test prompt per round, e.g. 1."),
        .init(name: "watch as a list", json: #"{"models": [\#(model)], "watch": []}"#,
              message: "watch: expected an object, found an empty list. Write the watch section as { \"rounds\": 1, \"tolerances\": { \"latencyP95Factor\": 1.5, … } }."),
    ]

    @Test(arguments: cases)
    func `a bad watch section is one error naming the key path and the fix`(_ testCase: ConfigErrorTests.Case) async throws {
        try await DomainFixtures.withTemporaryDirectory { folder in
            let url = try DomainFixtures.write(testCase.json, to: "readiness.json", in: folder)
            let error = try #require(throws: ConfigError.self) { try ReadinessConfig.load(from: url, environment: [:]) }
            #expect(error.description == "\(url.path): \(testCase.message)")
            #expect(error.keyPath?.hasPrefix("watch") == true)
        }
    }
}
