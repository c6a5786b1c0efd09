import Foundation

extension SQLStore {
    public func tenantSettings(tenantID: String) async throws -> [String: String] {
        let rows = try await database.read([SQLStatement("SELECT name, value FROM tenant_settings WHERE tenant_id = ?", [.text(tenantID)])])
        var settings: [String: String] = [:]
        for row in rows[0] {
            if let name = row.text(0), let value = row.text(1) { settings[name] = value }
        }
        return settings
    }

    public func setTenantSetting(_ name: String, to value: String?, tenantID: String, now: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            guard let value else {
                let delete = SQLStatement("DELETE FROM tenant_settings WHERE tenant_id = ? AND name = ?", [.text(tenantID), .text(name)])
                return ([.statement(delete)], ())
            }
            let write = SQLWrite.upsert(
                table: "tenant_settings", columns: ["tenant_id", "name", "value", "updated_at"], key: ["tenant_id", "name"],
                rows: [[.text(tenantID), .text(name), .text(value), .date(now)]])
            return ([write], ())
        }
    }
}
