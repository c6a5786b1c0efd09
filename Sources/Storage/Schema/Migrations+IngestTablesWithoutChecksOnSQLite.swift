extension Migrations {
    /// The foreign key clauses an ingest table's definition holds on SQLite: every one of them, on the tables
    /// `ingestTablesWithoutChecksOnSQLite` edits (the same constraints migrations 45 and 46 dropped on PostgreSQL).
    static let ingestReferenceClauses = [
        " REFERENCES tenants(id)", " REFERENCES contacts(id)", " REFERENCES orders(id)", " REFERENCES messages(id)",
        " REFERENCES tenant_keys(tenant_key)",
    ]

    /// SQLite only, as migrations 45 and 46 did on PostgreSQL: the tables an ingest batch writes (events, contacts,
    /// products, carts, orders and their lines, leads, reviews, wishlist items, messages and their events) no longer check
    /// their foreign keys row by row. On SQLite a check locks nothing, but it is a B-tree lookup on the writer, the one
    /// thread every write waits for: one to three per row. Inserting the rows of the demo's first million events with and
    /// without them took 14.6–26.5 s against 7.2–8.8 s (docs/storage.md, "Foreign keys").
    ///
    /// What they guarded holds by construction (see `projectionsWithoutChecks`). Every other table keeps its checks.
    ///
    /// SQLite cannot drop a constraint. Removing a foreign key clause changes nothing on disk, so the definitions are edited
    /// in place, the way SQLite documents for removing a CHECK or FOREIGN KEY constraint ("Making Other Kinds Of Table
    /// Schema Changes"): `writable_schema`, then `RESET`, which reloads this connection's schema; a table created and
    /// dropped after it increments the schema version, so every other connection reloads it too.
    static let ingestTablesWithoutChecksOnSQLite = Migration(
        version: 47, name: "ingest_tables_without_row_checks_on_sqlite",
        template: [],
        dialectOnly: [
            .sqlite: [
                "PRAGMA writable_schema = ON",
                "UPDATE sqlite_schema SET sql = \(withoutReferenceClauses("sql")) WHERE type = 'table' AND name IN (\(ingestTableNames))",
                "PRAGMA writable_schema = RESET",
                "CREATE TABLE schema_version_step (step INTEGER)",
                "DROP TABLE schema_version_step",
            ]
        ])

    /// The tables whose definitions migration 47 edits, quoted for an `IN` list.
    private static var ingestTableNames: String {
        (Set(ingestForeignKeys.map(\.table)).union(["events"])).sorted().map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `column` with every clause of `ingestReferenceClauses` taken out.
    private static func withoutReferenceClauses(_ column: String) -> String {
        ingestReferenceClauses.reduce(column) { expression, clause in "replace(\(expression), '\(clause)', '')" }
    }
}
