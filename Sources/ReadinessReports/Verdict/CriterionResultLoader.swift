import ReadinessKit
import Foundation

/// Reads criterion attachments, refusing files that are missing, unreadable or of an unknown schema version.
enum CriterionResultLoader {
    /// The result in `file`, or the problem that keeps it from counting.
    static func load(_ file: URL) -> Result<CriterionResult, RunProblem> {
        let name = file.path
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .failure(RunProblem(
                .attachment, "the criterion attachment '\(name)' does not exist or cannot be read",
                action: "Pass the folder holding the attachments with '--attachments DIR' (swift test's --attachments-path)."
            ))
        }
        struct Version: Decodable { var schemaVersion: Int }
        guard let version = try? JSONDecoder().decode(Version.self, from: data) else {
            return .failure(unreadable(name, "it is not JSON with a numeric schemaVersion"))
        }
        guard version.schemaVersion == CriterionResult.currentSchemaVersion else {
            return .failure(RunProblem(
                .attachment,
                "the criterion attachment '\(name)' has schemaVersion \(version.schemaVersion); this runner reads version \(CriterionResult.currentSchemaVersion)",
                action: "Use the same version of Readiness for the suites and the runner."
            ))
        }
        let result: CriterionResult
        do {
            result = try JSONDecoder().decode(CriterionResult.self, from: data)
        } catch {
            return .failure(unreadable(name, "it does not match the CriterionResult shape (\(describe(error)))"))
        }
        // The JSON is authoritative; a name that disagrees means a file renamed, copied over or made by hand.
        let expected = result.attachmentName
        guard file.lastPathComponent == expected else {
            return .failure(RunProblem(
                .attachment,
                "the criterion attachment '\(name)' holds the result of '\(result.id)'\(result.model.map { " for \($0)" } ?? "") but is not named '\(expected)'",
                action: "Record criteria with ReadinessFixture.record (it names the attachment) and do not rename the attachments."
            ))
        }
        return .success(result)
    }

    private static func unreadable(_ name: String, _ reason: String) -> RunProblem {
        RunProblem(
            .attachment, "the criterion attachment '\(name)' is unreadable: \(reason)",
            action: "Record criteria with CriterionResult (ReadinessKit) and do not edit the attachments."
        )
    }

    /// A decoding error as "missing key 'title'" or "wrong type at 'threshold.value'".
    private static func describe(_ error: any Error) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at '\(path(context))'"
        case .dataCorrupted(let context): return "invalid value at '\(path(context))'"
        default: return "\(error)"
        }
    }
}
