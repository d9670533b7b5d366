import Foundation
import Testing
@testable import OllamaKit

@Suite("RFC 3339 timestamps as Go writes them")
struct RFC3339Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let secondsSince1970: Double
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "1970-01-01T00:00:00Z", secondsSince1970: 0),
        Case(text: "2023-08-04T19:22:45.499127Z", secondsSince1970: 1_691_176_965.499127),
        Case(text: "2023-08-04T08:52:19.385406455-07:00", secondsSince1970: 1_691_164_339.385406455),
        Case(text: "2024-06-04T14:38:31.83753+02:00", secondsSince1970: 1_717_504_711.83753),
        Case(text: "2024-02-29t23:59:59z", secondsSince1970: 1_709_251_199),
        Case(text: "0001-01-01T00:00:00Z", secondsSince1970: -62_135_596_800),
    ])
    func `parses every precision and offset Go emits`(_ row: Case) throws {
        let date = try #require(RFC3339.date(from: row.text))
        #expect(abs(date.timeIntervalSince1970 - row.secondsSince1970) < 1e-6)
    }

    @Test(arguments: [
        "", "2023-08-04", "2023-08-04T19:22:45", "2023-08-04 19:22:45Z", "2023-13-04T19:22:45Z",
        "2023-08-04T19:22:45.Z", "2023-08-04T19:22:45+0700", "2023-08-04T19:22:45Zjunk", "20230804T192245Z",
    ])
    func `rejects what is not RFC 3339`(_ text: String) {
        #expect(RFC3339.date(from: text) == nil)
    }

    @Test func `formats in UTC with trailing fractional zeros trimmed, like Go`() throws {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(RFC3339.string(from: try #require(RFC3339.date(from: "2023-08-04T19:22:45.499127Z"))) == "2023-08-04T19:22:45.499127Z")
        #expect(RFC3339.string(from: try #require(RFC3339.date(from: "2024-01-02T03:04:05.5+01:00"))) == "2024-01-02T02:04:05.5Z")
        #expect(RFC3339.string(from: RFC3339.goZeroTime) == "0001-01-01T00:00:00Z")
    }

    @Test func `a decoded date survives formatting and parsing exactly`() throws {
        for text in ["2023-08-04T08:52:19.385406455-07:00", "2023-11-04T14:56:49.277302595-07:00", "2099-12-31T23:59:59.999999999Z"] {
            let date = try #require(RFC3339.date(from: text))
            #expect(RFC3339.date(from: RFC3339.string(from: date)) == date)
        }
    }
}
