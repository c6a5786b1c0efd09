import Foundation

extension SQLStore {
    public func createDashboardSession(_ session: DashboardSessionRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.insert(table: "dashboard_sessions", columns: DashboardSessionRecord.columns, rows: [session.values], conflict: "")], ())
        }
    }

    public func dashboardSession(tokenHash: String) async throws -> DashboardSessionRow? {
        let sessionColumns = DashboardSessionRecord.columns.map { "s." + $0 }.joined(separator: ", ")
        let userColumns = DashboardUserRecord.columns.map { "u." + $0 }.joined(separator: ", ")
        let read = SQLStatement(
            "SELECT \(sessionColumns), \(userColumns) FROM dashboard_sessions s"
                + " JOIN dashboard_users u ON u.id = s.user_id AND u.tenant_id = s.tenant_id WHERE s.token_hash = ?", [.text(tokenHash)])
        return try await database.read([read])[0].first.map { row in
            DashboardSessionRow(
                session: DashboardSessionRecord(row: row), user: DashboardUserRecord(row: row, offset: DashboardSessionRecord.columns.count))
        }
    }

    public func renewDashboardSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let update = SQLStatement(
                "UPDATE dashboard_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                [.date(lastSeenAt), .date(expiresAt), .text(tokenHash)])
            return ([.statement(update)], ())
        }
    }

    public func deleteDashboardSession(tokenHash: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.statement(SQLStatement("DELETE FROM dashboard_sessions WHERE token_hash = ?", [.text(tokenHash)]))], ())
        }
    }

    @discardableResult
    public func deleteExpiredDashboardSessions(before: Date) async throws -> Int {
        let count = SQLStatement("SELECT count(*) FROM dashboard_sessions WHERE expires_at < ?", [.date(before)])
        return try await database.transaction(lock: nil, reads: [count]) { rows in
            let delete = SQLStatement("DELETE FROM dashboard_sessions WHERE expires_at < ?", [.date(before)])
            return ([.statement(delete)], Int(rows[0].first?.int(0) ?? 0))
        }
    }

    public func recordLoginAttempt(keys: [String], at: Date, succeeded: Bool, forgetBefore: Date) async throws {
        guard !keys.isEmpty else { return }
        try await database.transaction(lock: nil, reads: []) { _ in
            let forget = SQLStatement("DELETE FROM login_attempts WHERE attempted_at < ?", [.date(forgetBefore)])
            let insert = SQLWrite.insert(
                table: "login_attempts", columns: ["key", "attempted_at", "succeeded"],
                rows: keys.map { [.text($0), .date(at), .bool(succeeded)] }, conflict: "")
            return ([.statement(forget), insert], ())
        }
    }

    public func failedLoginAttempts(key: String, since: Date) async throws -> [Date] {
        let read = SQLStatement(
            "SELECT attempted_at FROM login_attempts WHERE key = ? AND succeeded = 0 AND attempted_at > ? ORDER BY attempted_at",
            [.text(key), .date(since)])
        return try await database.read([read])[0].compactMap { $0.date(0) }
    }

    public func clearFailedLoginAttempts(key: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.statement(SQLStatement("DELETE FROM login_attempts WHERE key = ? AND succeeded = 0", [.text(key)]))], ())
        }
    }

    public func createLoginLink(_ link: LoginLinkRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let insert = SQLWrite.insert(
                table: "login_links", columns: ["token_hash", "user_id", "tenant_id", "expires_at", "used_at"],
                rows: [[.text(link.tokenHash), .text(link.userID), .text(link.tenantID), .date(link.expiresAt), .date(link.usedAt)]],
                conflict: "")
            return ([insert], ())
        }
    }

    public func redeemLoginLink(tokenHash: String, at: Date) async throws -> LoginLinkRecord? {
        let forUpdate = database.dialect == .postgres ? " FOR UPDATE" : ""
        let read = SQLStatement(
            "SELECT token_hash, user_id, tenant_id, expires_at FROM login_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?"
                + forUpdate, [.text(tokenHash), .date(at)])
        return try await database.transaction(lock: nil, reads: [read]) { rows in
            guard let row = rows[0].first else { return ([], nil) }
            let link = LoginLinkRecord(
                tokenHash: row.text(0) ?? "", userID: row.text(1) ?? "", tenantID: row.text(2) ?? "", expiresAt: row.date(3) ?? at, usedAt: at)
            let use = SQLStatement("UPDATE login_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL", [.date(at), .text(tokenHash)])
            return ([.statement(use)], link)
        }
    }
}
