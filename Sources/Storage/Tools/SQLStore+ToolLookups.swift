import AutopilotCore
import Foundation

extension SQLStore {
    public func contactID(phone: String, tenantID: String) async throws -> String? {
        let rows = try await database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND phone = ?", [.text(tenantID), .text(phone)])
        ])
        return rows[0].first?.text(0)
    }

    public func products(matching text: String, inStockOnly: Bool, limit: Int, tenantID: String) async throws -> [ProductRecord] {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + escaped + "%"
        let stock = inStockOnly ? " AND in_stock = 1" : ""
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.product.joined(separator: ", ")) FROM products WHERE tenant_id = ?"
                    + " AND (lower(coalesce(title, '')) LIKE ? ESCAPE '\\' OR lower(sku) LIKE ? ESCAPE '\\')\(stock)"
                    + " ORDER BY CASE WHEN in_stock = 1 THEN 0 ELSE 1 END, lower(coalesce(title, sku)), sku LIMIT ?",
                [.text(tenantID), .text(pattern), .text(pattern), .integer(limit)])
        ])
        return rows[0].map(RecordColumns.product)
    }

    public func product(sku: String, tenantID: String) async throws -> ProductRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.product.joined(separator: ", ")) FROM products WHERE tenant_id = ? AND sku = ?",
                [.text(tenantID), .text(sku)])
        ])
        return rows[0].first.map(RecordColumns.product)
    }

    public func apiKeyAccess(apiKeyHash: String) async throws -> APIKeyAccess? {
        let rows = try await database.read([
            SQLStatement("SELECT tenant_id, read_only, prefix FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", [.text(apiKeyHash)])
        ])
        guard let row = rows[0].first, let tenantID = row.text(0) else { return nil }
        return APIKeyAccess(tenantID: tenantID, readOnly: row.bool(1) ?? false, prefix: row.text(2) ?? "")
    }

    public func addAPIKey(hash: String, prefix: String, tenantID: String, readOnly: Bool, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.insert(
                table: "api_keys", columns: ["key_hash", "tenant_id", "prefix", "created_at", "read_only"],
                rows: [[.text(hash), .text(tenantID), .text(prefix), .date(at), .bool(readOnly)]], conflict: "")
            return ([write], ())
        }
    }

    public func recentSends(contactID: String, since: Date, tenantID: String) async throws -> [SentMessageFact] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT channel, purpose, sent_at FROM outbox WHERE tenant_id = ? AND contact_id = ? AND status = ? AND sent_at >= ? ORDER BY sent_at",
                [.text(tenantID), .text(contactID), .text(MessageStatus.sent.rawValue), .date(since)])
        ])
        return rows[0].compactMap { row in
            guard let channel = Channel(rawValue: row.text(0) ?? ""), let sentAt = row.date(2) else { return nil }
            return SentMessageFact(channel: channel, purpose: MessagePurpose(rawValue: row.text(1) ?? "") ?? .marketing, sentAt: sentAt)
        }
    }
}
