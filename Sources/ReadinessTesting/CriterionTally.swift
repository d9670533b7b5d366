import Synchronization

/// Counts the criteria recorded inside one suite tree marked `.ollamaFixture`, so that a run in which no
/// criterion was recorded fails instead of passing with nothing checked.
final class CriterionTally: Sendable {
    /// The tally of the suite tree the current test runs in.
    @TaskLocal static var current: CriterionTally?

    private let recorded = Mutex(0)

    /// How many criterion results were recorded so far.
    var count: Int { recorded.withLock { $0 } }

    func increment() {
        recorded.withLock { $0 += 1 }
    }
}
