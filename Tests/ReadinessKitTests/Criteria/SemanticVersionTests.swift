import Testing
@testable import ReadinessKit

struct SemanticVersionTests {
    @Test("Versions order by Semantic Versioning", arguments: [
        ("0.5.0", "0.12.3"),
        ("0.5", "0.5.1"),
        ("0.9.9", "1.0.0"),
        ("0.6.0-rc1", "0.6.0"),
        ("0.6.0-alpha", "0.6.0-alpha.1"),
        ("0.6.0-alpha.1", "0.6.0-beta"),
        ("0.6.0-2", "0.6.0-10"),
        ("0.6.0-10", "0.6.0-rc"),
    ])
    func ordering(lower: String, higher: String) throws {
        let low = try #require(SemanticVersion(lower))
        let high = try #require(SemanticVersion(higher))
        #expect(low < high)
        #expect(!(high < low))
    }

    @Test("Equal versions", arguments: [("0.5", "0.5.0"), ("v0.5.7", "0.5.7"), ("1.2.3+build.7", "1.2.3")])
    func equality(left: String, right: String) {
        #expect(SemanticVersion(left) == SemanticVersion(right))
    }

    @Test("Text that is not a version", arguments: ["", "abc", "1.2.3.4", "1..2", "1.x", "1.2.3-", "1.2.3-a..b", "-1.0"])
    func rejects(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }
}
