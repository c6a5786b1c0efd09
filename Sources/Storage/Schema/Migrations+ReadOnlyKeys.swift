extension Migrations {
    /// An API key may be read-only: the MCP server then offers it only the tools that change nothing, and the API
    /// refuses its writes.
    static let readOnlyAPIKeys = Migration(
        version: 25, name: "read_only_api_keys",
        template: [
            "ALTER TABLE api_keys ADD COLUMN read_only {bigint} NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1))"
        ])
}
