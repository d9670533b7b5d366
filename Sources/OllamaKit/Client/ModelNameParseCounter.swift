import Synchronization

/// Counts the model names parsed while it is the task's `current` (in that task and the tasks it starts): the
/// unit of work the scale tests hold linear in the fleet size, since matching names by parsing them again inside
/// loops once made a report's cost grow with the cube of the fleet.
package final class ModelNameParseCounter: Sendable {
    @TaskLocal package static var current: ModelNameParseCounter?

    private let parses = Mutex(0)

    package init() {}

    /// The names parsed so far.
    package var count: Int { parses.withLock { $0 } }

    func increment() { parses.withLock { $0 += 1 } }
}
