import Foundation

extension SQLStore {
    private var userColumns: String { DashboardUserRecord.columns.joined(separator: ", ") }

    public func createDashboardUser(_ user: DashboardUserRecord) async throws -> Bool {
        let taken = SQLStatement("SELECT 1 FROM dashboard_users WHERE email = ?", [.text(user.email)])
        return try await database.transaction(lock: nil, reads: [taken]) { rows in
            guard rows[0].isEmpty else { return ([], false) }
            return ([.insert(table: "dashboard_users", columns: DashboardUserRecord.columns, rows: [user.values], conflict: "")], true)
        }
    }

    public func dashboardUser(id: String, tenantID: String) async throws -> DashboardUserRecord? {
        let read = SQLStatement("SELECT \(userColumns) FROM dashboard_users WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        return try await database.read([read])[0].first.map { DashboardUserRecord(row: $0) }
    }

    public func dashboardUser(email: String) async throws -> DashboardUserRecord? {
        let read = SQLStatement("SELECT \(userColumns) FROM dashboard_users WHERE email = ?", [.text(email)])
        return try await database.read([read])[0].first.map { DashboardUserRecord(row: $0) }
    }

    public func dashboardUsers(tenantID: String?) async throws -> [DashboardUserRecord] {
        let read =
            if let tenantID {
                SQLStatement("SELECT \(userColumns) FROM dashboard_users WHERE tenant_id = ? ORDER BY email", [.text(tenantID)])
            } else {
                SQLStatement("SELECT \(userColumns) FROM dashboard_users ORDER BY tenant_id, email")
            }
        return try await database.read([read])[0].map { DashboardUserRecord(row: $0) }
    }

    public func setDashboardUserPassword(id: String, tenantID: String, passwordHash: String, at: Date) async throws -> Bool {
        try await updateDashboardUser(
            id: id, tenantID: tenantID,
            [
                SQLStatement(
                    "UPDATE dashboard_users SET password_hash = ?, updated_at = ? WHERE id = ? AND tenant_id = ?",
                    [.text(passwordHash), .date(at), .text(id), .text(tenantID)]),
                SQLStatement("DELETE FROM dashboard_sessions WHERE user_id = ? AND tenant_id = ?", [.text(id), .text(tenantID)]),
            ])
    }

    public func setDashboardUserRole(id: String, tenantID: String, role: String, at: Date) async throws -> Bool {
        try await updateDashboardUser(
            id: id, tenantID: tenantID,
            [
                SQLStatement(
                    "UPDATE dashboard_users SET role = ?, updated_at = ? WHERE id = ? AND tenant_id = ?",
                    [.text(role), .date(at), .text(id), .text(tenantID)])
            ])
    }

    public func setDashboardUserLanguage(id: String, tenantID: String, language: String?, at: Date) async throws -> Bool {
        try await updateDashboardUser(
            id: id, tenantID: tenantID,
            [
                SQLStatement(
                    "UPDATE dashboard_users SET language = ?, updated_at = ? WHERE id = ? AND tenant_id = ?",
                    [.text(language), .date(at), .text(id), .text(tenantID)])
            ])
    }

    public func deleteDashboardUser(id: String, tenantID: String) async throws -> Bool {
        let scope: [SQLValue] = [.text(id), .text(tenantID)]
        return try await updateDashboardUser(
            id: id, tenantID: tenantID,
            [
                SQLStatement("DELETE FROM dashboard_sessions WHERE user_id = ? AND tenant_id = ?", scope),
                SQLStatement("DELETE FROM login_links WHERE user_id = ? AND tenant_id = ?", scope),
                SQLStatement("DELETE FROM dashboard_users WHERE id = ? AND tenant_id = ?", scope),
            ])
    }

    /// Runs `statements` when the user is the tenant's; false (nothing written) otherwise.
    private func updateDashboardUser(id: String, tenantID: String, _ statements: [SQLStatement]) async throws -> Bool {
        let exists = SQLStatement("SELECT 1 FROM dashboard_users WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        return try await database.transaction(lock: nil, reads: [exists]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            return (statements.map(SQLWrite.statement), true)
        }
    }
}
