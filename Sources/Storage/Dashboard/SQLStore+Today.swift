import AutopilotCore
import Foundation

extension SQLStore {
    public func activityCounts(tenantID: String, from: Date, until: Date) async throws -> ActivityCounts {
        let tenant = SQLValue.text(tenantID), start = SQLValue.date(from), end = SQLValue.date(until)
        let rows = try await database.read([
            SQLStatement("SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND sent_at >= ? AND sent_at < ?", [tenant, start, end]),
            SQLStatement("SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND replied_at >= ? AND replied_at < ?", [tenant, start, end]),
            SQLStatement(
                "SELECT COUNT(*) FROM events WHERE \(EventsTable.tenantMatch) AND type = 'contact.unsubscribed' AND occurred_at >= ? AND occurred_at < ?",
                [tenant, start, end]),
        ])
        return ActivityCounts(
            sent: Int(rows[0].first?.int(0) ?? 0), replied: Int(rows[1].first?.int(0) ?? 0), unsubscribed: Int(rows[2].first?.int(0) ?? 0))
    }

    public func waitingHotLeads(tenantID: String, limit: Int) async throws -> [WaitingLead] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT l.id, l.contact_id, c.first_name, c.last_name, c.email, l.company, l.score, l.created_at
                FROM leads l JOIN contacts c ON c.id = l.contact_id
                WHERE l.tenant_id = ? AND l.tier = 'hot'
                  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = l.tenant_id AND m.contact_id = l.contact_id
                                  AND m.sent_at >= l.created_at)
                ORDER BY l.score DESC, l.created_at DESC, l.id LIMIT ?
                """, [.text(tenantID), .integer(limit)])
        ])
        return rows[0].map { row in
            let name = [row.text(2), row.text(3)].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " ")
            return WaitingLead(
                leadID: row.text(0) ?? "", contactID: row.text(1) ?? "", name: name.isEmpty ? nil : name, email: row.text(4), company: row.text(5),
                score: row.int(6).map(Int.init), createdAt: row.date(7) ?? Date(timeIntervalSince1970: 0))
        }
    }

    public func heldMessageCount(tenantID: String) async throws -> Int {
        let rows = try await database.read([
            SQLStatement("SELECT COUNT(*) FROM outbox WHERE tenant_id = ? AND status = 'blocked'", [.text(tenantID)])
        ])
        return Int(rows[0].first?.int(0) ?? 0)
    }
}
