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

    @Test func sqliteDropsTheSameChecksAndKeepsTheOthers() async throws {
        try await TestDatabases.withSQLite { store in
            for table in Set(Migrations.ingestForeignKeys.map(\.table)).union(["events"]) {
                let keys = try await store.database.read([SQLStatement("SELECT \"table\" FROM pragma_foreign_key_list('\(table)')")])[0]
                #expect(keys.isEmpty, "\(table) checks no foreign key on SQLite")
            }
            for (table, parent) in [("api_keys", "tenants"), ("flow_runs", "tenants"), ("tasks", "contacts"), ("tenant_keys", "tenants")] {
                let keys = try await store.database.read([SQLStatement("SELECT \"table\" FROM pragma_foreign_key_list('\(table)')")])[0]
                #expect(keys.contains { $0.text(0) == parent }, "\(table) still checks \(parent)")
            }
            // The definitions were edited in place: the file is still sound.
            #expect(try await store.database.read([SQLStatement("PRAGMA integrity_check")])[0].first?.text(0) == "ok")
            // The writer's own connection reloaded the edited definitions: an order line naming no order is stored, and a
            // task naming no contact is still refused.
            let tenant = "tn_checks"
            try await store.database.executeScript([
                "INSERT INTO tenants (id, name, created_at) VALUES ('\(tenant)', 'Checks', 0)",
                "INSERT INTO order_lines (order_id, line_number, tenant_id, sku, quantity, price) VALUES ('or_none', 1, '\(tenant)', 'SKU', 1, 1)",
            ])
            let refused = await #expect(throws: (any Error).self) {
                try await store.database.executeScript([
                    "INSERT INTO tasks (id, tenant_id, idempotency_key, kind, status, contact_id, subject, created_by, created_at, updated_at) VALUES ('tk_1', '\(tenant)', 'k', 'support_ticket', 'open', 'ct_none', 'Call back', 'test', 0, 0)"
                ])
            }
            #expect(String(describing: refused).contains("FOREIGN KEY"))
        }
    }
}
