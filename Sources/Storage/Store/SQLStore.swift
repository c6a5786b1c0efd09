import AutopilotCore
import Foundation

/// The one store implementation, written once over `SQLDatabase`: it runs on SQLite and on PostgreSQL alike.
public struct SQLStore: AutopilotStore {
    public let database: any SQLDatabase
    /// Seals channel secrets, webhook signing secrets and instance secrets before they are written, and opens them when
    /// read; nil keeps new values in clear (tests, benches) and cannot read sealed ones.
    public var cipher: SettingsCipher?

    public init(database: any SQLDatabase, cipher: SettingsCipher? = nil) {
        self.database = database
        self.cipher = cipher
    }

    @discardableResult
    public func migrate(now: Date) async throws -> [Int] {
        try await database.executeScript([
            "CREATE TABLE IF NOT EXISTS schema_migrations (version \(database.dialect == .sqlite ? "INTEGER" : "BIGINT") PRIMARY KEY, name TEXT NOT NULL, applied_at \(database.dialect == .sqlite ? "INTEGER" : "BIGINT") NOT NULL)"
        ])
        // Every migration not applied yet, in version order: one merged out of order (a lower number landing after a
        // higher one) is still applied.
        let done = Set(try await database.read([SQLStatement("SELECT version FROM schema_migrations")])[0].compactMap { $0.int(0) }.map(Int.init))
        var applied: [Int] = []
        for migration in Migrations.all.sorted(by: { $0.version < $1.version }) where !done.contains(migration.version) {
            let record =
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(migration.version), '\(migration.name)', \(Int64(now.timeIntervalSince1970 * 1000)))"
            try await database.executeScript(migration.statements(for: database.dialect) + [record])
            applied.append(migration.version)
        }
        return applied
    }

    public func schemaStatus() async throws -> SchemaStatus {
        let exists: SQLStatement =
            database.dialect == .sqlite
            ? SQLStatement("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            : SQLStatement(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations' AND table_schema = current_schema()")
        let found = try await database.read([exists])
        let all = Migrations.all.map(\.version).sorted()
        guard found.first?.first?.int(0) ?? 0 > 0 else {
            return SchemaStatus(currentVersion: 0, latestVersion: Migrations.latestVersion, pending: all)
        }
        let applied = Set(try await database.read([SQLStatement("SELECT version FROM schema_migrations")])[0].compactMap { $0.int(0) }.map(Int.init))
        return SchemaStatus(
            currentVersion: applied.max() ?? 0, latestVersion: Migrations.latestVersion, pending: all.filter { !applied.contains($0) })
    }

    public func createTenant(_ tenant: TenantRecord, apiKeyHash: String, keyPrefix: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let writes: [SQLWrite] = [
                .insert(
                    table: "tenants", columns: ["id", "name", "created_at"], rows: [[.text(tenant.id), .text(tenant.name), .date(tenant.createdAt)]],
                    conflict: ""),
                .insert(table: "tenant_keys", columns: ["tenant_id"], rows: [[.text(tenant.id)]], conflict: ""),
                .insert(
                    table: "api_keys", columns: ["key_hash", "tenant_id", "prefix", "created_at"],
                    rows: [[.text(apiKeyHash), .text(tenant.id), .text(keyPrefix), .date(tenant.createdAt)]], conflict: ""),
            ]
            return (writes, ())
        }
    }

    public func tenantID(apiKeyHash: String) async throws -> String? {
        let rows = try await database.read([
            SQLStatement("SELECT tenant_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", [.text(apiKeyHash)])
        ])
        return rows[0].first?.text(0)
    }

    public func tenants() async throws -> [TenantRecord] {
        let rows = try await database.read([SQLStatement("SELECT id, name, created_at FROM tenants ORDER BY created_at, id")])
        return rows[0].map { TenantRecord(id: $0.text(0) ?? "", name: $0.text(1) ?? "", createdAt: $0.date(2) ?? .distantPast) }
    }
}
