import Synchronization
import Testing
@testable import ReadinessKit

struct RequestBudgetTests {
    /// Counts the tasks that asked for a permit, how many hold one at once, and the most that ever did.
    final class Holders: Sendable {
        private let state = Mutex((attempts: 0, current: 0, peak: 0, total: 0))

        func attempt() { state.withLock { $0.attempts += 1 } }

        func enter() {
            state.withLock {
                $0.current += 1
                $0.peak = max($0.peak, $0.current)
                $0.total += 1
            }
        }

        func leave() { state.withLock { $0.current -= 1 } }

        var attempts: Int { state.withLock { $0.attempts } }
        var peak: Int { state.withLock { $0.peak } }
        var total: Int { state.withLock { $0.total } }
        var current: Int { state.withLock { $0.current } }
    }

    struct Failure: Error {}

    @Test("Concurrent holders never exceed the limit", arguments: [1, 2, 3])
    func neverExceedsLimit(limit: Int) async {
        let budget = RequestBudget(limit: limit)
        let holders = Holders()
        let tasks = 24
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    holders.attempt()
                    await budget.withPermit {
                        holders.enter()
                        // Holding the permit until every task has asked for one makes the peak exact: a budget
                        // that let everyone in would reach `tasks`, a correct one exactly `limit`.
                        while holders.attempts < tasks { await Task.yield() }
                        holders.leave()
                    }
                }
            }
        }
        #expect(holders.total == tasks)
        #expect(holders.peak == limit)
        #expect(holders.current == 0)
    }

    @Test func `a throwing body gives its permit back`() async throws {
        let budget = RequestBudget(limit: 1)
        await #expect(throws: Failure.self) {
            try await budget.withPermit { throw Failure() }
        }
        // With the only permit leaked this would wait forever; it returns because the permit came back.
        let value = await budget.withPermit { 42 }
        #expect(value == 42)
    }

    @Test func `a limit below one means one`() {
        #expect(RequestBudget(limit: 0).limit == 1)
    }
}
