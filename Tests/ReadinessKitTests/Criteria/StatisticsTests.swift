import Testing
@testable import ReadinessKit

struct StatisticsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var samples: [Double]
        var percentile: Double
        var expected: Double?
        var testDescription: String { "p\(Int(percentile)) of \(samples.count) samples" }
    }

    static let oneToTen = (1...10).map(Double.init)
    static let oneToTwenty = (1...20).map(Double.init)

    @Test("Percentiles use the nearest-rank method", arguments: [
        Case(samples: oneToTen, percentile: 50, expected: 5),
        Case(samples: oneToTen, percentile: 90, expected: 9),
        Case(samples: oneToTen, percentile: 95, expected: 10),
        Case(samples: oneToTen, percentile: 100, expected: 10),
        Case(samples: oneToTen, percentile: 0, expected: 1),
        Case(samples: oneToTwenty, percentile: 95, expected: 19),
        Case(samples: oneToTwenty, percentile: 50, expected: 10),
        Case(samples: [4.2], percentile: 95, expected: 4.2),
        Case(samples: [9, 1, 5, 3, 7], percentile: 50, expected: 5),
        Case(samples: [9, 1, 5, 3, 7], percentile: 95, expected: 9),
        Case(samples: [], percentile: 50, expected: nil),
    ])
    func percentile(_ row: Case) {
        #expect(Statistics.percentile(row.percentile, of: row.samples) == row.expected)
    }

    @Test func `the mean of samples, and of none`() {
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Statistics.mean([]) == nil)
    }
}
