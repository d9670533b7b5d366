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
        Case(samples: (1...100).map(Double.init), percentile: 99, expected: 99),
        Case(samples: (1...100).map(Double.init), percentile: 95, expected: 95),
        Case(samples: oneToTwenty, percentile: 99, expected: 20),
        Case(samples: [0.2, 0.2, 0.2, 5], percentile: 95, expected: 5),
        Case(samples: [0.2, 0.2, 0.2, 5], percentile: 75, expected: 0.2),
    ])
    func percentile(_ row: Case) {
        #expect(Statistics.percentile(row.percentile, of: row.samples) == row.expected)
    }

    @Test func `the mean of samples, and of none`() {
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Statistics.mean([]) == nil)
    }

    @Test func `min and max of samples, and of none`() throws {
        let range = try #require(Statistics.range([3, 1, 2]))
        #expect(range.min == 1 && range.max == 3)
        #expect(Statistics.range([]) == nil)
    }

    @Test func `k of n passes with at least k successes`() {
        #expect(Statistics.atLeast(2, of: [true, false, true]))
        #expect(!Statistics.atLeast(2, of: [true, false, false]))
        #expect(Statistics.atLeast(3, of: [true, true, true]))
        #expect(!Statistics.atLeast(4, of: [true, true, true]))
        #expect(Statistics.atLeast(0, of: []))
    }

    @Test func `a summary of known latencies has every percentile and the range`() {
        let outcomes = (1...20).map { PerformanceEvaluatorTests.success(Double($0)) } + [PerformanceEvaluatorTests.failure("HTTP 500")]
        let summary = PerformanceSummary(outcomes)
        #expect(summary.latencyMin == 1 && summary.latencyMax == 20)
        #expect(summary.latencyP50 == 10 && summary.latencyP95 == 19 && summary.latencyP99 == 20)
        #expect(summary.latencyAverage == 10.5)
        #expect(summary.metrics[CriterionResult.Metric.latencyP99] == 20)
    }
}
