import Foundation
import HTTPTestSupport
import OllamaKit
import Testing
@testable import ReadinessKit

/// A criterion whose Ollama answers needed retries says so.
@Suite(.timeLimit(.minutes(1))) struct RetryReportingTests {
    static let busy = CannedHTTPServer.response("503 Service Unavailable", body: #"{"error":"server busy"}"#)
    static let version = CannedHTTPServer.response("200 OK", body: #"{"version":"9.9.9"}"#)

    @Test func `a criterion that passed after a retry says so and counts it`() async throws {
        try await CannedHTTPServer.with(connections: [[.send(Self.busy)], [.send(Self.version)]]) { server in
            let checklist = try ChecklistTests.checklist(host: server.baseURL)
            let result = await checklist.evaluate(.ollamaService, model: nil)
            #expect(result.passed, "\(result.message)")
            #expect(result.metrics[CriterionResult.Metric.retries] == 1)
            #expect(result.message.hasSuffix(" (passed after 1 retry of requests to Ollama)"))
            #expect(checklist.evidence.client.retriesMade == 0, "each answer is fetched with its own client")
        }
    }

    @Test func `a criterion whose answers needed no retry has no retries metric`() async throws {
        try await CannedHTTPServer.with([.send(Self.version)]) { server in
            let checklist = try ChecklistTests.checklist(host: server.baseURL)
            let result = await checklist.evaluate(.ollamaService, model: nil)
            #expect(result.passed, "\(result.message)")
            #expect(result.metrics[CriterionResult.Metric.retries] == nil)
            #expect(!result.message.contains("retr"))
        }
    }

    @Test func `the tally counts an answer once, however often it is used`() {
        let tally = RetryTally()
        tally.record("GET /api/version", retries: 2)
        tally.record("GET /api/version", retries: 2)
        tally.record("GET /api/tags", retries: 1)
        var result = CriterionResult(id: "x", title: "X", area: .availability, severity: .critical, passed: false, message: "failed")
        tally.annotate(&result)
        #expect(result.metrics[CriterionResult.Metric.retries] == 3)
        #expect(result.message == "failed")
    }
}
