import Foundation
import OllamaKit
import ReadinessKit
import Testing
@testable import FleetKit

/// The pure renderers against a hand-made diagnosis, compared with golden text.
struct FleetRendererTests {
    static let date = RFC3339.date(from: "2025-03-04T05:06:07.5Z")!

    static func diagnosis() throws -> FleetDiagnosis {
        try FleetDiagnosis(host: "http://127.0.0.1:11434", models: [
            ModelDiagnosis(
                name: "context_v2", buildPriority: 3, migrationOrder: 2, modelfile: URL(fileURLWithPath: "/fleet/modelfiles/context_v2.Modelfile"),
                installed: InstalledModel(
                    name: "context_v2:latest", digest: "0123456789abcdef0123", size: 2_019_393_189, family: "llama", parameterSize: "3.2B",
                    quantizationLevel: "Q4_K_M", modifiedAt: date, parentModel: "llama3.2:3b", system: "You give context.\nSecond line."),
                drift: [Drift(key: "temperature", expected: "0.3", deployed: "0.7"), Drift(key: "SYSTEM", expected: "A | B", deployed: nil)],
                base: Base(reference: "llama3.2:3b", isInstalled: true)),
            ModelDiagnosis(
                name: "expert_v6", critical: false, buildPriority: 2, migrationOrder: 1, modelfile: URL(fileURLWithPath: "/fleet/modelfiles/expert_v6.Modelfile"),
                base: Base(reference: "mistral:7b")),
            ModelDiagnosis(
                name: "fast_v6", buildPriority: 1, migrationOrder: 3, modelfile: URL(fileURLWithPath: "/fleet/modelfiles/fast_v6.Modelfile"),
                base: Base(reference: "expert_v6", isFleetModel: true)),
        ])
    }

    @Test func `the diagnostic report in Markdown`() throws {
        #expect(DiagnosticMarkdown.render(try Self.diagnosis(), relativeTo: URL(fileURLWithPath: "/fleet")) == """
            # Model diagnostic report

            Ollama at http://127.0.0.1:11434: 3 fleet models, 1 present, 2 missing, 1 drifted.

            **Action needed:** Build the missing models with `build_critical_models.sh`, then check them with `validate_critical_models.sh`; rebuild the drifted models.

            ## Fleet

            | Model | Critical | Status | Digest | Size | Family | Quantization | Modified |
            |---|---|---|---|---|---|---|---|
            | context_v2 | yes | drifted | 0123456789ab | 2.0 GB | llama | Q4_K_M | 2025-03-04 05:06 UTC |
            | expert_v6 | no | missing | — | — | — | — | — |
            | fast_v6 | yes | missing | — | — | — | — | — |

            ## Missing models, in build order

            | # | Model | Build priority | Base | Base status | Modelfile |
            |---|---|---|---|---|---|
            | 1 | expert_v6 | 2 | mistral:7b | missing: pulled first | modelfiles/expert_v6.Modelfile |
            | 2 | fast_v6 | 1 | expert_v6 | fleet model, built first | modelfiles/fast_v6.Modelfile |

            ## Drift

            Rebuild a drifted model from its Modelfile: `ollama create NAME -f MODELFILE`.

            | Model | Key | Modelfile | Ollama |
            |---|---|---|---|
            | context_v2 | temperature | 0.3 | 0.7 |
            | context_v2 | SYSTEM | A \\| B | not set |

            """)
    }

    @Test func `a healthy fleet's report says no action is needed`() throws {
        let diagnosis = try FleetDiagnosis(host: "h", models: [ModelDiagnosis(
            name: "a", installed: InstalledModel(name: "a:latest", digest: "d", size: 512, modifiedAt: Self.date))])
        let report = DiagnosticMarkdown.render(diagnosis)
        #expect(report.contains("\n**No action needed.** Every fleet model is present and matches its Modelfile.\n"))
        #expect(!report.contains("## Missing") && !report.contains("## Drift"))
    }

    @Test func `the diagnostic report in JSON has sorted keys, RFC 3339 dates and the same bytes every time`() throws {
        let json = DiagnosticJSON.render(try Self.diagnosis())
        #expect(json == DiagnosticJSON.render(try Self.diagnosis()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["buildOrder", "host", "models", "needsAction", "schemaVersion"])
        #expect(object["buildOrder"] as? [String] == ["expert_v6", "fast_v6"])
        #expect(object["needsAction"] as? Bool == true)
        let first = try #require((object["models"] as? [[String: Any]])?.first)
        #expect(first["status"] as? String == "drifted")
        #expect((first["installed"] as? [String: Any])?["modifiedAt"] as? String == "2025-03-04T05:06:07.5Z")
        #expect((first["drift"] as? [[String: Any]])?.first?["deployed"] as? String == "0.7")
        #expect(json.contains(#""modelfile" : "/fleet/modelfiles/context_v2.Modelfile""#))
        let topLevel = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == ["buildOrder", "host", "models", "needsAction", "schemaVersion"], "written in sorted order")
    }

    @Test func `the inventory lists present models in migration order and names the missing ones`() throws {
        #expect(InventoryMarkdown.render(FleetInventory(diagnosis: try Self.diagnosis())) == """
            # Model inventory

            | Model | Digest | Base | Size | Parameters | System prompt | Migration order | Modified |
            |---|---|---|---|---|---|---|---|
            | context_v2 | 0123456789ab | llama3.2:3b | 2.0 GB | 3.2B | You give context. | 2 | 2025-03-04 05:06 UTC |

            Not in Ollama: `expert_v6`, `fast_v6`.

            """)
    }

    @Test(arguments: [(Int64(512), "512 B"), (12_345, "12 KB"), (274_000_000, "274 MB"), (2_019_393_189, "2.0 GB")])
    func `sizes read like ollama list`(_ bytes: Int64, _ text: String) {
        #expect(FleetFormatting.size(bytes) == text)
    }
}
