import AutopilotCore
import Foundation

extension SQLStore {
    public func apiKeys(tenantID: String) async throws -> [APIKeyRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT key_hash, prefix, created_at, revoked_at, read_only FROM api_keys WHERE tenant_id = ? ORDER BY created_at DESC, key_hash",
                [.text(tenantID)])
        ])
        return rows[0].map { row in
            APIKeyRecord(
                id: String((row.text(0) ?? "").prefix(16)), prefix: row.text(1) ?? "", createdAt: row.date(2) ?? Date(timeIntervalSince1970: 0),
                revokedAt: row.date(3), readOnly: row.bool(4) ?? false)
        }
    }

    public func addAPIKey(hash: String, prefix: String, tenantID: String, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.insert(
                table: "api_keys", columns: ["key_hash", "tenant_id", "prefix", "created_at"],
                rows: [[.text(hash), .text(tenantID), .text(prefix), .date(at)]], conflict: "")
            return ([write], ())
        }
    }

    public func revokeAPIKey(hashPrefix: String, tenantID: String, at: Date) async throws -> Bool {
        guard hashPrefix.count == 16, hashPrefix.allSatisfy(\.isHexDigit) else { return false }
        let live = try await database.read([
            SQLStatement(
                "SELECT key_hash FROM api_keys WHERE tenant_id = ? AND key_hash LIKE ? AND revoked_at IS NULL", [.text(tenantID), .text(hashPrefix + "%")])
        ])
        guard let hash = live[0].first?.text(0) else { return false }
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.statement(
                SQLStatement(
                    "UPDATE api_keys SET revoked_at = ? WHERE tenant_id = ? AND key_hash = ? AND revoked_at IS NULL",
                    [.date(at), .text(tenantID), .text(hash)]))
            return ([write], ())
        }
        return true
    }

    public func webhookEndpoints(tenantID: String) async throws -> [WebhookEndpoint] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT provider, token, secret, created_at FROM webhook_endpoints WHERE tenant_id = ? ORDER BY provider", [.text(tenantID)])
        ])
        return try rows[0].map { row in
            let provider = row.text(0) ?? ""
            return WebhookEndpoint(
                tenantID: tenantID, provider: provider, token: row.text(1) ?? "",
                secret: try opened(row.text(2) ?? "", name: Self.webhookSecretName(provider), tenantID: tenantID),
                createdAt: row.date(3) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
