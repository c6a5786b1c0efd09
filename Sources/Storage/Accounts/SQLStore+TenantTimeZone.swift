import Foundation

extension SQLStore {
    public func tenantTimeZone(tenantID: String) async throws -> String? {
        let read = SQLStatement("SELECT time_zone FROM tenants WHERE id = ?", [.text(tenantID)])
        return try await database.read([read])[0].first.map { $0.text(0) ?? "UTC" }
    }

    public func setTenantTimeZone(tenantID: String, identifier: String) async throws -> Bool {
        let exists = SQLStatement("SELECT 1 FROM tenants WHERE id = ?", [.text(tenantID)])
        return try await database.transaction(lock: nil, reads: [exists]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            let update = SQLStatement("UPDATE tenants SET time_zone = ? WHERE id = ?", [.text(identifier), .text(tenantID)])
            return ([.statement(update)], true)
        }
    }
}
