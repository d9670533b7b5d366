import Foundation

/// Finds the readiness package whose `swift test` is the readiness check.
enum PackageLocator {
    /// Why no package could be found, with the fix.
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// The folder holding Package.swift: `path` when given (it must hold one), else the working directory or the
    /// nearest parent that does.
    /// - Throws: `NotFound` naming the folder and how to fix it.
    static func locate(_ path: String?, context: RunnerContext) throws -> URL {
        if let path {
            let folder = context.url(path, isDirectory: true).standardizedFileURL
            guard holdsPackage(folder) else {
                throw NotFound(description: "--package-path '\(path)' holds no Package.swift: pass the folder of your readiness package, or make one with 'readiness init \(path)'")
            }
            return folder
        }
        var folder = context.currentDirectory.standardizedFileURL
        while true {
            if holdsPackage(folder) { return folder }
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else { break }
            folder = parent
        }
        throw NotFound(description: "no Package.swift in '\(context.currentDirectory.path)' or its parents: run in your readiness package, pass --package-path DIR, or make one with 'readiness init'")
    }

    private static func holdsPackage(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
    }
}
