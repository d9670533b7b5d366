import Foundation
import OllamaKit
import ReadinessKit

/// `readiness init [DIR]`: scaffolds a readiness package that runs at once against a healthy Ollama.
struct InitCommand: Subcommand {
    static let spec = CommandSpec(
        name: "init",
        abstract: "Scaffold a readiness package: Package.swift, readiness.json, a test target, a CI workflow.",
        discussion: """
            Writes a Swift package whose 'swift test' runs every built-in readiness criterion, plus an example
            criterion of your own (commented out), a readiness.json for one model, and a CI pipeline (GitHub
            Actions or GitLab CI) that dry-runs the check on ollama-sim, checks your Ollama, and runs the
            migration one step at a time with its state carried between runs. The dependency on Readiness is
            pinned (a version or a commit) and Package.resolved is meant to be committed, so every machine builds
            the same. Existing files are never overwritten.
            """,
        arguments: [
            Positional("DIR", optional: true, help: "folder of the new package (default: the current folder)"),
            frameworkOption, testTargetOption, modelOption, ciOption,
        ],
        examples: [
            .init("readiness init fleet-checks --model qwen3:8b", "Make a readiness package in fleet-checks whose readiness.json checks qwen3:8b."),
            .init("readiness init checks --framework https://github.com/OWNER/readiness.git --ci gitlab", "Depend on a published Readiness, pinned from this version, with a GitLab pipeline."),
            .init("cd fleet-checks && readiness check", "Then check it."),
        ]
    )
    static let frameworkOption = Option<String?>.text(
        "--framework", "URL-OR-PATH",
        help: "where the package gets Readiness: a git URL, pinned from this version, or a local checkout for this machine only (default: the origin of the checkout this readiness was built from, pinned to its commit)"
    )
    static let ciOption = Option<PackageScaffold.CIProvider>(
        "--ci", "SYSTEM", absent: .github, help: "the CI pipeline to write: github, gitlab or none (default: github)",
        expected: "github, gitlab or none"
    ) { PackageScaffold.CIProvider(rawValue: $0) }
    static let testTargetOption = Option<String>(
        "--test-target", "NAME", absent: "ReadinessChecks", help: "name of the test target holding your criteria (default: ReadinessChecks)",
        expected: "a Swift identifier such as 'FleetChecks'"
    ) { isSwiftIdentifier($0) ? $0 : nil }
    static let modelOption = Option<String>(
        "--model", "NAME", absent: "llama3.2", help: "the model readiness.json checks first (default: llama3.2)",
        expected: "an Ollama model name such as 'llama3.2:3b'"
    ) { (try? ModelName($0)) != nil ? $0 : nil }

    private static func isSwiftIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !CharacterSet.decimalDigits.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && CharacterSet.alphanumerics.contains($0)) }
    }

    /// Why the package cannot be written; nothing was written.
    struct Refusal: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    var directory: String
    var framework: String?
    var testTarget: String
    var model: String
    var ci: PackageScaffold.CIProvider

    init(_ arguments: ParsedArguments) throws {
        directory = arguments.positionals.first ?? "."
        framework = try arguments.value(Self.frameworkOption)
        testTarget = try arguments.value(Self.testTargetOption)
        model = try arguments.value(Self.modelOption)
        ci = try arguments.value(Self.ciOption)
    }

    func run(in context: RunnerContext) async -> ExitCode {
        let folder = context.url(directory, isDirectory: true).standardizedFileURL
        var written: [URL] = []
        do {
            let scaffold = PackageScaffold(
                packageName: folder.lastPathComponent, testTarget: testTarget, model: model,
                framework: try await FrameworkReference.resolve(framework, package: folder, context: context), ci: ci
            )
            let existing = scaffold.files.map(\.path).filter {
                FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
            }
            guard existing.isEmpty else {
                throw Refusal("'\(directory)' already has \(existing.map { "'\($0)'" }.joined(separator: ", ")); nothing was written. Choose an empty folder, or move those files away.")
            }
            for file in scaffold.files {
                let url = folder.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
                written.append(url)
                context.output("Wrote \(ModelActions.displayPath(url, currentDirectory: context.currentDirectory.path))\n")
            }
        } catch {
            // No half-made package: take back what this run wrote (it checked that none of it existed before).
            for url in written { try? FileManager.default.removeItem(at: url) }
            context.error("\(error)")
            return .undecided
        }
        context.output("""

            Next:
              cd \(ShellQuoting.quote(directory))
              OLLAMA_HOST=127.0.0.1:11434 swift test            # the readiness check itself
              swift run readiness check                          # verdict, reports and exit status for CI
              git add . && git commit -m 'Readiness checks'     # Package.resolved too: it pins the framework

            """)
        return .success
    }
}
