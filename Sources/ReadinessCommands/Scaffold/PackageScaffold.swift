import Foundation

/// The files of a new readiness package, as text: a pure function of its names, so it is tested exactly.
struct PackageScaffold {
    /// The package's name, from its folder.
    var packageName: String
    /// The test target holding the user's criteria; any identifier works.
    var testTarget: String
    /// The one model the first readiness.json checks.
    var model: String
    var framework: FrameworkReference
    /// The CI system whose pipeline is written, if any.
    var ci: CIProvider

    /// The CI systems `init --ci` writes a pipeline for.
    enum CIProvider: String, CaseIterable, Sendable {
        case github, gitlab, none
    }

    /// Paths relative to the package folder, with their contents, in the order they are written.
    /// Package.resolved is not ignored: committed, it pins every build of the package to the same revisions.
    var files: [(path: String, contents: String)] {
        var files = [
            ("Package.swift", packageManifest),
            ("readiness.json", readinessJSON),
            ("Tests/\(testTarget)/FleetCriteria.swift", criteriaFile),
            (".gitignore", ".build/\n/readiness-report/\n/readiness-state/\n.readiness/migration.lock\n"),
        ]
        switch ci {
        case .github: files += [(".github/workflows/readiness.yml", CIPipelines.github), (CIPipelines.scenarioPath, simulatorScenario)]
        case .gitlab: files += [(".gitlab-ci.yml", CIPipelines.gitlab), (CIPipelines.scenarioPath, simulatorScenario)]
        case .none: break
        }
        return files
    }

    var packageManifest: String {
        let package = FrameworkReference.literal(framework.identity)
        return """
            // swift-tools-version: 6.3
            import PackageDescription

            // A readiness package: `swift test` here runs every built-in readiness criterion (linked from the
            // ReadinessCriteria product) and your own (Tests/\(testTarget)) against the Ollama in OLLAMA_HOST.
            let package = Package(
                name: \(FrameworkReference.literal(packageName)),
                platforms: [.macOS(.v15)],
                dependencies: [
                    \(framework.dependency),
                ],
                targets: [
                    .testTarget(
                        name: \(FrameworkReference.literal(testTarget)),
                        dependencies: [
                            .product(name: "ReadinessCriteria", package: \(package)),
                            .product(name: "ReadinessTesting", package: \(package)),
                            .product(name: "ReadinessKit", package: \(package)),
                        ]
                    ),
                ]
            )

            """
    }

    /// One model with one prompt; the criteria that need files this package does not have yet (backup and
    /// migration scripts, Modelfiles, docs) are recommended until you add them, so a healthy Ollama passes.
    var readinessJSON: String {
        let model = jsonString(self.model)
        return """
            {
              "ollama": { "host": "http://127.0.0.1:11434" },
              "models": [
                {
                  "name": \(model),
                  "critical": true,
                  "prompts": [
                    { "prompt": "Name the three primary colors of paint.", "expect": ["red", "blue", "yellow"] }
                  ]
                }
              ],
              "severities": {
                "backup-scripts": "recommended",
                "configs": "recommended"
              }
            }

            """
    }

    var criteriaFile: String {
        """
        import ReadinessCriteria
        import ReadinessKit
        import ReadinessTesting
        import Testing

        // Package.swift links ReadinessCriteria, so `swift test` runs every built-in criterion. Your own go in
        // this extension of their parent suite: they then share its Ollama client, request budget and config.
        // Each test records one result through ReadinessFixture.check; a critical one that fails fails
        // `swift test` (and makes `readiness check` NOT READY), a recommended one warns.
        extension Readiness {
            @Suite struct FleetCriteria {
                // An example criterion: remove the `// ` in front of the lines below to use it.
                //
                // static let systemPrompt = Criterion(
                //     id: "system-prompt", title: "Every critical model has a system prompt",
                //     area: .config, severity: .critical, needsOllama: true, isPerModel: true
                // )
                //
                // @Test("Critical model has a system prompt", arguments: ReadinessArguments.criticalModels())
                // func systemPrompt(model: String) async throws {
                //     try await ReadinessFixture.require().check(Self.systemPrompt, model: model) { checklist in
                //         let system = try await checklist.evidence.show(model)?.system ?? ""
                //         return Self.systemPrompt.result(
                //             model: model, passed: !system.isEmpty,
                //             message: system.isEmpty ? "\\(model) has no system prompt" : "\\(model) has a system prompt",
                //             actions: system.isEmpty ? ["Add a SYSTEM line to the Modelfile of \\(model), then ollama create it again."] : []
                //         )
                //     }
                // }
            }
        }

        """
    }

    /// An ollama-sim scenario serving the example model with an answer to its prompt, for the CI dry run on a
    /// machine without Ollama.
    var simulatorScenario: String {
        """
        {
          "version": "0.12.6",
          "models": [
            {
              "name": \(jsonString(model)),
              "behaviour": {
                "replies": [
                  { "whenPromptContains": "primary colors of paint", "reply": "The three primary colors of paint are red, blue and yellow." }
                ]
              }
            }
          ]
        }

        """
    }

    private func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
