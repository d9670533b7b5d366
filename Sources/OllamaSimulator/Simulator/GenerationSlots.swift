import Foundation

/// What the simulator observed while serving, for tests that check queueing without timing anything.
public struct SimulatorStatistics: Sendable, Equatable {
    /// HTTP requests answered or being answered.
    public var requests: Int
    /// Generations (generate, chat, loads) admitted to run.
    public var generationsStarted: Int
    /// Generations that have finished, successfully or not.
    public var generationsFinished: Int
    /// The most generations that ran at the same time; never above the scenario's `numParallel`.
    public var peakConcurrentGenerations: Int
    /// The most generations that waited for a free slot at the same time.
    public var peakQueuedGenerations: Int

    public init(
        requests: Int = 0, generationsStarted: Int = 0, generationsFinished: Int = 0,
        peakConcurrentGenerations: Int = 0, peakQueuedGenerations: Int = 0
    ) {
        self.requests = requests
        self.generationsStarted = generationsStarted
        self.generationsFinished = generationsFinished
        self.peakConcurrentGenerations = peakConcurrentGenerations
        self.peakQueuedGenerations = peakQueuedGenerations
    }
}

/// Lets at most `limit` generations run at once, like `OLLAMA_NUM_PARALLEL`; the others wait in arrival order.
final class GenerationSlots: @unchecked Sendable {
    // `condition` guards every stored property below it.
    private let condition = NSCondition()
    private let limit: Int
    private var running = 0
    private var queue: [UInt64] = []
    private var nextTicket: UInt64 = 0
    private var statistics = SimulatorStatistics()

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Counts one HTTP request in the statistics.
    func countRequest() {
        condition.lock()
        statistics.requests += 1
        condition.unlock()
    }

    /// Waits for a free slot, first come first served.
    /// - Returns: `false` when `stop` was raised before a slot came free.
    func acquire(unless stop: StopSignal) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        queue.append(ticket)
        while running >= limit || queue.first != ticket {
            statistics.peakQueuedGenerations = max(statistics.peakQueuedGenerations, queue.count)
            if stop.isRaised {
                queue.removeAll { $0 == ticket }
                condition.broadcast()
                return false
            }
            // Wake now and then to notice `stop`, which signals a different condition.
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
        queue.removeFirst()
        running += 1
        statistics.generationsStarted += 1
        statistics.peakConcurrentGenerations = max(statistics.peakConcurrentGenerations, running)
        condition.broadcast()
        return true
    }

    /// Frees a slot taken by `acquire`.
    func release() {
        condition.lock()
        running -= 1
        statistics.generationsFinished += 1
        condition.broadcast()
        condition.unlock()
    }

    /// A snapshot of the statistics.
    var snapshot: SimulatorStatistics {
        condition.lock()
        defer { condition.unlock() }
        return statistics
    }
}
