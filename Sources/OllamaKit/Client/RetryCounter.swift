import Synchronization

/// How many retries a client (and every copy of it) has made, for reports that say a result needed them.
final class RetryCounter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    func record() {
        count.withLock { $0 += 1 }
    }
}
