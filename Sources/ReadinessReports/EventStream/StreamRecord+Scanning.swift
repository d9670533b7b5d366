import ReadinessKit
import Foundation

extension StreamRecord {
    /// Decodes one line of the stream: a plain line (the way `swift test` writes them) by `PlainJSONScanner`,
    /// any other by `JSONDecoder`, so every line gets exactly `JSONDecoder`'s verdict and record, faster.
    /// - Parameter line: The line's bytes, without its newline.
    /// - Returns: The record, or nil when the line is not a stream record.
    static func decode(_ line: UnsafeRawBufferPointer) -> StreamRecord? {
        var scanner = PlainJSONScanner(line)
        if let record = try? scanner.record() { return record }
        return try? decoder.decode(StreamRecord.self, from: Data(line))
    }

    // JSONDecoder is documented thread-safe for decoding; a shared one avoids re-creating it per line.
    private static let decoder = JSONDecoder()
}

/// The fields of `StreamRecord` read the way its `Decodable` conformance reads them: a missing required field,
/// a value of another type, or `null` leaves the line to `JSONDecoder`.
extension PlainJSONScanner {
    /// Reads a whole line as a record.
    mutating func record() throws(Unsure) -> StreamRecord {
        var kind: String?, version: String?, payload: StreamRecord.Payload?
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "kind") {
                kind = try scanner.string()
            } else if scanner.isKey(key, "version") {
                version = try scanner.string()
            } else if scanner.isKey(key, "payload") {
                payload = try scanner.payload()
            } else {
                try scanner.skipValue()
            }
        }
        try end()
        guard let kind, let payload else { throw Unsure() }
        return StreamRecord(kind: kind, version: version, payload: payload)
    }

    private mutating func payload() throws(Unsure) -> StreamRecord.Payload {
        var payload = StreamRecord.Payload()
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "kind") {
                payload.kind = try scanner.string()
            } else if scanner.isKey(key, "id") {
                payload.id = try scanner.string()
            } else if scanner.isKey(key, "name") {
                payload.name = try scanner.string()
            } else if scanner.isKey(key, "displayName") {
                payload.displayName = try scanner.string()
            } else if scanner.isKey(key, "isParameterized") {
                payload.isParameterized = try scanner.bool()
            } else if scanner.isKey(key, "testID") {
                payload.testID = try scanner.string()
            } else if scanner.isKey(key, "instant") {
                payload.instant = try scanner.instant()
            } else if scanner.isKey(key, "issue") {
                payload.issue = try scanner.issue()
            } else if scanner.isKey(key, "attachment") {
                payload.attachment = try scanner.attachment()
            } else if scanner.isKey(key, "messages") {
                var messages: [StreamRecord.Message] = []
                try scanner.array { scanner throws(Unsure) in messages.append(try scanner.message()) }
                payload.messages = messages
            } else {
                try scanner.skipValue()
            }
        }
        return payload
    }

    private mutating func instant() throws(Unsure) -> StreamRecord.Instant {
        var since1970: Double?
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "since1970") { since1970 = try scanner.double() } else { try scanner.skipValue() }
        }
        guard let since1970 else { throw Unsure() }
        return StreamRecord.Instant(since1970: since1970)
    }

    private mutating func issue() throws(Unsure) -> StreamRecord.Issue {
        var issue = StreamRecord.Issue()
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "isFailure") {
                issue.isFailure = try scanner.bool()
            } else if scanner.isKey(key, "severity") {
                issue.severity = try scanner.string()
            } else {
                try scanner.skipValue()
            }
        }
        return issue
    }

    private mutating func attachment() throws(Unsure) -> StreamRecord.Attachment {
        var attachment = StreamRecord.Attachment()
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "path") { attachment.path = try scanner.string() } else { try scanner.skipValue() }
        }
        return attachment
    }

    private mutating func message() throws(Unsure) -> StreamRecord.Message {
        var symbol: String?, text: String?
        try object { scanner, key throws(Unsure) in
            if scanner.isKey(key, "symbol") {
                symbol = try scanner.string()
            } else if scanner.isKey(key, "text") {
                text = try scanner.string()
            } else {
                try scanner.skipValue()
            }
        }
        guard let symbol, let text else { throw Unsure() }
        return StreamRecord.Message(symbol: symbol, text: text)
    }
}
