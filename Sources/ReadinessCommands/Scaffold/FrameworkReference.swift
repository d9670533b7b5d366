import Foundation

/// Where a scaffolded package gets this framework from: a local checkout or a git URL.
struct FrameworkReference: Equatable {
    /// The dependency line of Package.swift: `.package(path: …)` or `.package(url: …, branch: "main")`.
    var dependency: String
    /// The name `.product(name:package:)` uses: `Readiness` for a local checkout (named in its dependency line,
    /// whatever its folder is called), else the last component of the URL without `.git`.
    var identity: String

    /// The checkout this `readiness` was built from: this file sits four levels below its root.
    static let buildCheckout = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads `--framework`: a URL (`scheme://…` or `git@…`) or a folder, relative to the working directory.
    /// - Parameters:
    ///   - value: The option's value, or `nil` for the build checkout.
    ///   - package: The folder of the new package; a local checkout is written relative to it.
    /// - Throws: `InitCommand.Refusal` when the folder is not a checkout of a package.
    static func resolve(_ value: String?, package: URL, context: RunnerContext) throws -> FrameworkReference {
        if let value, value.contains("://") || value.hasPrefix("git@") {
            var name = value.split(separator: "/").last.map(String.init) ?? value
            if name.hasSuffix(".git") { name.removeLast(4) }
            return FrameworkReference(dependency: ".package(url: \(literal(value)), branch: \"main\")", identity: name.lowercased())
        }
        let folder = (value.map { context.url($0, isDirectory: true) } ?? buildCheckout).standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) else {
            let what = value.map { "--framework '\($0)'" } ?? "the checkout this readiness was built from (\(folder.path))"
            throw InitCommand.Refusal("\(what) holds no Package.swift. Pass --framework with a checkout of Readiness or its git URL.")
        }
        return FrameworkReference(
            dependency: ".package(name: \"Readiness\", path: \(literal(relativePath(from: package, to: folder))))",
            identity: "Readiness"
        )
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
