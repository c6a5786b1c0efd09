import AutopilotCore
import Foundation

extension SQLStore {
    public func addWidgetKey(_ key: WidgetKeyRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.insert(
                table: "widget_keys", columns: ["key", "tenant_id", "origins", "qualifies_leads", "created_at", "revoked_at"],
                rows: [
                    [
                        .text(key.key), .text(key.tenantID), .text(JSONValue.array(key.origins.map(JSONValue.string)).jsonString),
                        .bool(key.qualifiesLeads), .date(key.createdAt), .date(key.revokedAt),
                    ]
                ], conflict: "")
            return ([write], ())
        }
    }

    public func widgetKey(_ key: String) async throws -> WidgetKeyRecord? {
        let rows = try await database.read([SQLStatement("SELECT \(Self.widgetKeyColumns) FROM widget_keys WHERE key = ?", [.text(key)])])
        return rows[0].first.map(Self.widgetKey)
    }

    public func widgetKeys(tenantID: String) async throws -> [WidgetKeyRecord] {
        let rows = try await database.read([
            SQLStatement("SELECT \(Self.widgetKeyColumns) FROM widget_keys WHERE tenant_id = ? ORDER BY created_at DESC, key", [.text(tenantID)])
        ])
        return rows[0].map(Self.widgetKey)
    }

    public func revokeWidgetKey(_ key: String, tenantID: String, at: Date) async throws -> Bool {
        try await database.transaction(
            lock: nil,
            reads: [SQLStatement("SELECT key FROM widget_keys WHERE key = ? AND tenant_id = ? AND revoked_at IS NULL", [.text(key), .text(tenantID)])]
        ) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            let update = SQLStatement(
                "UPDATE widget_keys SET revoked_at = ? WHERE key = ? AND tenant_id = ?", [.date(at), .text(key), .text(tenantID)])
            return ([.statement(update)], true)
        }
    }

    static let widgetKeyColumns = "key, tenant_id, origins, qualifies_leads, created_at, revoked_at"

    static func widgetKey(_ row: SQLRow) -> WidgetKeyRecord {
        let origins = (try? JSONParser.parse(row.text(2) ?? "[]"))?.arrayValue?.compactMap(\.stringValue) ?? []
        return WidgetKeyRecord(
            key: row.text(0) ?? "", tenantID: row.text(1) ?? "", origins: origins, qualifiesLeads: row.bool(3) ?? false,
            createdAt: row.date(4) ?? Date(timeIntervalSince1970: 0), revokedAt: row.date(5))
    }
}
