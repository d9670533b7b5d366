import Foundation
import OllamaKit

/// What the simulator observed while serving, for tests that check queueing without timing anything.
package struct SimulatorStatistics: Sendable, Equatable {
    /// HTTP requests answered or being answered.
    package var requests: Int
    /// Generations (generate, chat, loads) admitted to run.
    package var generationsStarted: Int
    /// Generations that have finished, successfully or not.
    package var generationsFinished: Int
    /// The most generations that ran at the same time, over all models.
    package var peakConcurrentGenerations: Int
    /// The most generations of one model that ran at the same time; never above the scenario's `numParallel`.
    package var peakConcurrentPerModel: Int
    /// The most generations that waited for a free slot at the same time.
    package var peakQueuedGenerations: Int
    /// Model loads, in order ("name:tag"): one per cold start.
    package var loads: [String]
    /// Models unloaded to make room (least recently used first), in order.
    package var evictions: [String]
    /// The most models loaded at the same time; never above the scenario's `maxLoadedModels`.
    package var peakLoadedModels: Int

    package init(
        requests: Int = 0, generationsStarted: Int = 0, generationsFinished: Int = 0,
        peakConcurrentGenerations: Int = 0, peakConcurrentPerModel: Int = 0, peakQueuedGenerations: Int = 0,
        loads: [String] = [], evictions: [String] = [], peakLoadedModels: Int = 0
    ) {
        self.requests = requests
        self.generationsStarted = generationsStarted
        self.generationsFinished = generationsFinished
        self.peakConcurrentGenerations = peakConcurrentGenerations
        self.peakConcurrentPerModel = peakConcurrentPerModel
        self.peakQueuedGenerations = peakQueuedGenerations
        self.loads = loads
        self.evictions = evictions
        self.peakLoadedModels = peakLoadedModels
    }
}

/// Ollama's scheduler, small: a model loads on first use and stays loaded for its `keep_alive` once idle;
/// at most `maxLoadedModels` are loaded, the least recently used idle one evicted to make room (a request for
/// an unloaded model waits until one is idle); each loaded model serves `numParallel` generations at once.
/// Requests are admitted in arrival order.
final class GenerationSlots: @unchecked Sendable {
    /// One loaded (or loading) model.
    struct Loaded {
        var running = 0
        /// `true` while the request that loads it sleeps the load duration.
        var loading = true
        /// The `keep_alive` of the latest request, in seconds (negative: until the server stops).
        var keepAlive: TimeInterval
        /// When it unloads, once idle; `nil` while running.
        var idleUntil: Date?
        /// For least-recently-used eviction.
        var lastUsed: UInt64
    }

    /// What `acquire` granted.
    struct Admission {
        /// Whether this request loads the model (it sleeps the load duration; only it reports `load_duration`).
        var loads: Bool
    }

    // `condition` guards every stored property below it.
    private let condition = NSCondition()
    private let perModel: Int
    private let maxLoaded: Int?
    private var loaded: [ModelName: Loaded] = [:]
    private var queue: [UInt64] = []
    private var nextTicket: UInt64 = 0
    private var useCounter: UInt64 = 0
    private var statistics = SimulatorStatistics()

    /// - Parameters:
    ///   - limit: Generations per loaded model (`numParallel`).
    ///   - maxLoadedModels: Models loaded at once; `nil` for no limit.
    init(limit: Int, maxLoadedModels: Int? = nil) {
        self.perModel = max(1, limit)
        self.maxLoaded = maxLoadedModels.map { max(1, $0) }
    }

    /// Counts one HTTP request in the statistics.
    func countRequest() {
        condition.lock()
        statistics.requests += 1
        condition.unlock()
    }

    /// Waits, first come first served, until `model` is loaded with a free slot, or can be loaded.
    /// - Returns: `nil` when `stop` was raised before that.
    func acquire(_ model: ModelName, keepAlive: TimeInterval, unless stop: StopSignal, now: () -> Date = Date.init) -> Admission? {
        condition.lock()
        defer { condition.unlock() }
        let ticket = nextTicket
        nextTicket += 1
        queue.append(ticket)
        while true {
            expire(now())
            if queue.first == ticket, let admission = admit(model, keepAlive: keepAlive) {
                queue.removeFirst()
                statistics.generationsStarted += 1
                let running = loaded.values.reduce(0) { $0 + $1.running }
                statistics.peakConcurrentGenerations = max(statistics.peakConcurrentGenerations, running)
                statistics.peakConcurrentPerModel = max(statistics.peakConcurrentPerModel, loaded[model]?.running ?? 0)
                statistics.peakLoadedModels = max(statistics.peakLoadedModels, loaded.count)
                condition.broadcast()
                return admission
            }
            statistics.peakQueuedGenerations = max(statistics.peakQueuedGenerations, queue.count)
            if stop.isRaised {
                queue.removeAll { $0 == ticket }
                condition.broadcast()
                return nil
            }
            // Wake now and then to notice `stop` (signalled elsewhere) and keep_alive expiries.
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
        }
    }

    /// Marks the load that `acquire` granted as done: the model's other requests may run.
    func finishLoading(_ model: ModelName) {
        condition.lock()
        loaded[model]?.loading = false
        condition.broadcast()
        condition.unlock()
    }

    /// Frees a slot taken by `acquire`; once idle, the model stays loaded for its `keep_alive` (0: unloads now).
    func release(_ model: ModelName, now: Date = Date()) {
        condition.lock()
        defer { condition.unlock() }
        statistics.generationsFinished += 1
        guard var entry = loaded[model] else { return }
        entry.running -= 1
        entry.loading = false
        useCounter += 1
        entry.lastUsed = useCounter
        if entry.running == 0 {
            entry.idleUntil = entry.keepAlive < 0 ? Self.forever : now.addingTimeInterval(entry.keepAlive)
        }
        loaded[model] = entry.running == 0 && entry.keepAlive == 0 ? nil : entry
        condition.broadcast()
    }

    /// Unloads `model` (`keep_alive: 0` with no prompt, or a delete): at once when idle, else when it goes idle.
    func unload(_ model: ModelName) {
        condition.lock()
        defer { condition.unlock() }
        guard var entry = loaded[model] else { return }
        if entry.running == 0 {
            loaded[model] = nil
        } else {
            entry.keepAlive = 0
            loaded[model] = entry
        }
        condition.broadcast()
    }

    /// The loaded models with when each unloads (a running model: its keep_alive from now), soonest last.
    func loadedModels(now: Date = Date()) -> [(model: ModelName, expiresAt: Date)] {
        condition.lock()
        defer { condition.unlock() }
        expire(now)
        return loaded.map { name, entry in
            (name, entry.idleUntil ?? (entry.keepAlive < 0 ? Self.forever : now.addingTimeInterval(entry.keepAlive)))
        }.sorted { ($0.expiresAt, $1.model.fullyQualified) > ($1.expiresAt, $0.model.fullyQualified) }
    }

    /// A snapshot of the statistics.
    var snapshot: SimulatorStatistics {
        condition.lock()
        defer { condition.unlock() }
        return statistics
    }

    /// What Ollama reports for a model kept loaded "forever" (a negative keep_alive): far in the future.
    static let forever = Date(timeIntervalSince1970: 10_000_000_000)

    // MARK: Under the lock

    /// Admits a request for `model` when it can run now, evicting the least recently used idle model if needed.
    private func admit(_ model: ModelName, keepAlive: TimeInterval) -> Admission? {
        if var entry = loaded[model] {
            guard !entry.loading, entry.running < perModel else { return nil }
            entry.running += 1
            entry.keepAlive = keepAlive
            entry.idleUntil = nil
            loaded[model] = entry
            return Admission(loads: false)
        }
        if let maxLoaded, loaded.count >= maxLoaded {
            let idle = loaded.filter { $0.value.running == 0 && !$0.value.loading }
            guard let victim = idle.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key else { return nil }
            loaded[victim] = nil
            statistics.evictions.append(victim.displayShortest)
        }
        useCounter += 1
        loaded[model] = Loaded(running: 1, loading: true, keepAlive: keepAlive, idleUntil: nil, lastUsed: useCounter)
        statistics.loads.append(model.displayShortest)
        return Admission(loads: true)
    }

    /// Unloads idle models whose keep_alive has run out.
    private func expire(_ now: Date) {
        for (name, entry) in loaded where entry.running == 0 && !entry.loading && (entry.idleUntil ?? .distantFuture) <= now {
            loaded[name] = nil
        }
    }
}
