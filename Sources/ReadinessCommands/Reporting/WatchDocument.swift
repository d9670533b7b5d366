import FleetKit
import ReadinessKit

/// `watch.json`: the last round of `readiness watch --out DIR`.
struct WatchDocument: Encodable {
    static let currentSchema = "readiness-watch/1"
    var schema: String
    var time: String
    var host: String
    /// "healthy", "degraded", "paused" (already), "undecided" or "nothing-to-watch".
    var outcome: String
    /// The round's number (0 when none was judged).
    var round: Int
    var tolerances: ReadinessConfig.Watch.Tolerances
    var models: [MigrationWatch.ModelRound]
    /// The pause's reason when this round paused the migration, or found it paused.
    var pause: String?
    /// Why the watch could not tell, when undecided.
    var problem: String?
}
