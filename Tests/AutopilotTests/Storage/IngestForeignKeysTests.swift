@testable import Storage
import Testing

/// On PostgreSQL the tables an ingest batch writes no longer check their foreign keys row by row (migrations 45 and 46);
/// every other table keeps its checks, and SQLite keeps them all.
@Suite struct IngestForeignKeysTests {
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgresDropsOnlyTheIngestTablesChecks() async throws {
        try await TestDatabases.withPostgres { store in
            let rows = try await store.database.read([
                SQLStatement("SELECT conrelid::regclass::text, conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1, 2")
            ])[0]
            let constraints = Set(rows.map { "\($0.text(0) ?? "").\($0.text(1) ?? "")" })
            for key in Migrations.ingestForeignKeys {
                #expect(!constraints.contains("\(key.table).\(key.constraint)"), "\(key.constraint) is dropped")
            }
            #expect(!constraints.contains { $0.hasPrefix("events.") }, "the events table checks nothing (migration 45)")
            for kept in ["api_keys.api_keys_tenant_id_fkey", "flow_runs.flow_runs_tenant_id_fkey", "tasks.tasks_contact_id_fkey"] {
                #expect(constraints.contains(kept), "\(kept) is kept")
            }
        }
    }

    @Test func sqliteKeepsEveryCheck() async throws {
        try await TestDatabases.withSQLite { store in
            for table in Set(Migrations.ingestForeignKeys.map(\.table)) {
                let keys = try await store.database.read([SQLStatement("SELECT \"table\" FROM pragma_foreign_key_list('\(table)')")])[0]
                let parents = Set(keys.compactMap { $0.text(0) })
                #expect(parents.contains("tenants"), "\(table) still checks its tenant on SQLite")
            }
        }
    }
}
