import Foundation

/// A flag that ends the simulator's waits early: sleeps, queues and hangs all return when it is raised.
final class StopSignal: @unchecked Sendable {
    // `condition` guards `raised`; every access takes it.
    private let condition = NSCondition()
    private var raised = false

    /// Whether `raise()` has been called.
    var isRaised: Bool {
        condition.lock()
        defer { condition.unlock() }
        return raised
    }

    /// Raises the flag and wakes every waiter.
    func raise() {
        condition.lock()
        raised = true
        condition.broadcast()
        condition.unlock()
    }

    /// Sleeps for `seconds` unless the flag is raised first.
    /// - Returns: `true` when the whole time passed, `false` when the flag cut it short.
    @discardableResult
    func sleep(_ seconds: Double) -> Bool {
        guard seconds > 0 else { return !isRaised }
        // A deadline past what a timespec holds would trap inside the condition's wait; a year is plenty.
        let deadline = Date(timeIntervalSinceNow: min(seconds, 365 * 86_400))
        condition.lock()
        defer { condition.unlock() }
        while !raised {
            if !condition.wait(until: deadline) { return !raised }
        }
        return false
    }
}
