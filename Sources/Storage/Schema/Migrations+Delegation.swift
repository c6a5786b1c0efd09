extension Migrations {
    /// Who decided a recommendation: NULL for a person (through the API or the CLI), `flow:ID` when a flow delegated for
    /// the rule acted on it without asking.
    static let recommendationDecidedBy = Migration(
        version: 12, name: "recommendation_decided_by",
        template: ["ALTER TABLE recommendation_decisions ADD COLUMN decided_by TEXT"])
}
