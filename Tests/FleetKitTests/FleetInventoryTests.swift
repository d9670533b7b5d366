import Foundation
import OllamaSimulator
import Testing
@testable import FleetKit

@Suite(.timeLimit(.minutes(1)))
struct FleetInventoryTests {
    @Test func `the live inventory of phase1 has the three present models in migration order`() async throws {
        try await withSimulator(try FleetFixtures.scenario("phase1")) { url in
            let inventory = try await FleetInventory.collect(try FleetFixtures.mirador(host: url), client: FleetFixtures.client(url))
            #expect(inventory.entries.map(\.name) == ["matthew_context_provider_v2", "louisville_expert_v3", "enhanced_agent_enforcer_v2"])
            #expect(inventory.entries.map(\.migrationOrder) == [1, 2, 3])
            #expect(inventory.entries.allSatisfy { $0.base == "llama3.2:3b" && $0.parameterSize == "3.2B" })
            #expect(inventory.entries.first?.systemFirstLine?.hasPrefix("You provide personal context about Matthew") == true)
            #expect(inventory.missing == FleetFixtures.phase1Missing)
            let table = InventoryMarkdown.render(inventory)
            let digest = String(try #require(inventory.entries.first?.digest).prefix(12))
            #expect(table.contains("| matthew_context_provider_v2 | \(digest) | llama3.2:3b | 2.0 GB | 3.2B | You provide personal context"))
        }
    }
}
