import ReadinessKit
import Foundation

/// One JSON line of a Swift Testing event stream (`--event-stream-version 6.3`), reduced to the fields the
/// runner reads; unknown fields and record kinds are ignored so newer streams still decode.
struct StreamRecord: Decodable, Equatable {
    /// "test" (a test or suite declared before the run) or "event" (something that happened during it).
    var kind: String
    /// The stream's schema version, e.g. "6.3.0".
    var version: String?
    var payload: Payload

    struct Payload: Decodable, Equatable {
        /// For tests "suite" or "function"; for events "runStarted", "testStarted", "issueRecorded", ….
        var kind: String?
        /// A test's ID (test records), e.g. `ReadinessCriteria.Readiness/Availability/modelsAvailable(model:)/File.swift:7:10`.
        var id: String?
        var name: String?
        var displayName: String?
        var isParameterized: Bool?
        /// The test an event is about (event records).
        var testID: String?
        var instant: Instant?
        var issue: Issue?
        var attachment: Attachment?
        var messages: [Message]?
    }

    struct Instant: Decodable, Equatable {
        var since1970: Double
    }

    struct Issue: Decodable, Equatable {
        /// Whether the issue fails its test: false for warnings and known issues.
        var isFailure: Bool?
        /// "error" or "warning".
        var severity: String?
    }

    struct Attachment: Decodable, Equatable {
        /// Where the attachment was written (with `--attachments-path`).
        var path: String?
    }

    struct Message: Decodable, Equatable {
        /// "default", "fail", "pass", "skip", "warning", "details", "_attachment", ….
        var symbol: String
        var text: String
    }
}

extension StreamRecord.Payload {
    /// An issue's or a skip's human text: the "details" messages (the comment) when present, else the first message.
    var explanation: String {
        let messages = messages ?? []
        let details = messages.filter { $0.symbol == "details" }.map(\.text)
        if !details.isEmpty, let first = messages.first, first.text != "Issue recorded" {
            return ([first.text] + details).joined(separator: ": ")
        }
        return details.isEmpty ? (messages.first?.text ?? "") : details.joined(separator: " ")
    }
}
