/// Renders a `FleetInventory` as a Markdown table.
package enum InventoryMarkdown {
    /// The inventory as Markdown: a heading, one table row per present model, and the missing models.
    package static func render(_ inventory: FleetInventory) -> String {
        var lines = [
            "# Model inventory",
            "",
            "| Model | Digest | Base | Size | Parameters | System prompt | Migration order | Modified |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for entry in inventory.entries {
            let cells = [
                entry.name, FleetFormatting.shortDigest(entry.digest), entry.base, FleetFormatting.size(entry.size),
                entry.parameterSize, entry.systemFirstLine, entry.migrationOrder.map(String.init),
                FleetFormatting.date(entry.modifiedAt),
            ]
            lines.append("| " + cells.map(FleetFormatting.cell).joined(separator: " | ") + " |")
        }
        if !inventory.missing.isEmpty {
            lines += ["", "Not in Ollama: " + inventory.missing.map { "`\($0)`" }.joined(separator: ", ") + "."]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
