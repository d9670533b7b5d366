import Foundation
import OllamaKit
import ReadinessKit

/// Where a scaffolded package gets this framework from: a published git URL pinned to this version or to a
/// revision, or (only when `--framework PATH` asks) a local checkout.
struct FrameworkReference: Equatable {
    /// The dependency line of Package.swift: `.package(url: …, from: "0.2.0")`, `.package(url: …, revision: …)`
    /// or `.package(name: "Readiness", path: …)`.
    var dependency: String
    /// The name `.product(name:package:)` uses: `Readiness` for a local checkout (named in its dependency line,
    /// whatever its folder is called), else the last component of the URL without `.git`, lowercased.
    var identity: String

    /// The checkout this `readiness` was built from: this file sits four levels below its root.
    static let buildCheckout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads `--framework`: a URL (`scheme://…` or `git@…`), pinned `from:` this version, or a folder, relative
    /// to the working directory. Without it, the build checkout's `origin` URL pinned to its commit.
    /// - Parameters:
    ///   - value: The option's value, or `nil` for the build checkout's published origin.
    ///   - package: The folder of the new package; a local checkout is written relative to it.
    /// - Throws: `InitCommand.Refusal` when the folder is not a checkout of a package, or when no published
    ///   origin is known and no `--framework` was given.
    ///   - checkout: The checkout whose origin is pinned when `value` is `nil`.
    static func resolve(
        _ value: String?, package: URL, checkout: URL = buildCheckout, context: RunnerContext
    ) async throws -> FrameworkReference {
        guard let value else { return try await published(checkout, context: context) }
        if isURL(value) { return url(value, pin: "from: \(literal(ToolVersion.release))") }
        let folder = context.url(value, isDirectory: true).standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) else {
            throw InitCommand.Refusal("--framework '\(value)' holds no Package.swift. Pass --framework with a checkout of Readiness or its git URL.")
        }
        return FrameworkReference(
            dependency: ".package(name: \"Readiness\", path: \(literal(relativePath(from: package, to: folder))))",
            identity: "Readiness"
        )
    }

    /// The `origin` of `checkout` pinned to the commit it is at, when origin is a URL others can clone.
    private static func published(_ checkout: URL, context: RunnerContext) async throws -> FrameworkReference {
        func git(_ arguments: [String]) async -> String? {
            let result = try? await Subprocess.run("git", ["-C", checkout.path] + arguments, environment: context.environment, timeout: .seconds(10))
            let text = result?.stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return result?.succeeded == true && !text.isEmpty ? text : nil
        }
        guard let origin = await git(["remote", "get-url", "origin"]), isURL(origin),
              let revision = await git(["rev-parse", "HEAD"]), revision.count == 40
        else {
            throw InitCommand.Refusal(
                "the checkout this readiness was built from (\(checkout.path)) has no published origin to pin. Pass --framework URL (the published Readiness repository, pinned from \(ToolVersion.release)) or --framework PATH (a local checkout, for this machine only)."
            )
        }
        return url(origin, pin: "revision: \(literal(revision))")
    }

    private static func url(_ value: String, pin: String) -> FrameworkReference {
        var name = value.split(separator: "/").last.map(String.init) ?? value
        if name.hasSuffix(".git") { name.removeLast(4) }
        return FrameworkReference(dependency: ".package(url: \(literal(value)), \(pin))", identity: name.lowercased())
    }

    private static func isURL(_ value: String) -> Bool {
        value.contains("://") || value.hasPrefix("git@")
    }

    /// A Swift string literal of `text`.
    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `to` as a path relative to the folder `from` (both absolute), e.g. `../readiness`.
    static func relativePath(from: URL, to: URL) -> String {
        let base = from.standardizedFileURL.pathComponents, target = to.standardizedFileURL.pathComponents
        let common = zip(base, target).prefix { $0 == $1 }.count
        let parts = Array(repeating: "..", count: base.count - common) + target.dropFirst(common)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
