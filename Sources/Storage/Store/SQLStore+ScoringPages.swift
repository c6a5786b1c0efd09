import AutopilotCore
import Foundation

extension SQLStore {
    /// The next page of at most `limit` contacts after the id `after` (from the first contact when nil); nil past the
    /// last contact.
    public func contactPage(tenantID: String, after: String?, limit: Int) async throws -> ContactPage? {
        // On SQLite, `+tenant_id` keeps the planner on the primary key (it walks the ids in order and stops at `limit`).
        let tenantColumn = database.dialect == .sqlite ? "+tenant_id" : "tenant_id"
        let sql = "SELECT MIN(id), MAX(id), COUNT(*) FROM (SELECT id FROM contacts WHERE \(tenantColumn) = ? AND id > ? ORDER BY id LIMIT ?) page"
        let rows = try await database.read([SQLStatement(sql, [.text(tenantID), .text(after ?? ""), .integer(max(1, limit))])])
        guard let row = rows[0].first, let first = row.text(0), let last = row.text(1) else { return nil }
        return ContactPage(first: first, last: last, count: Int(row.int(2) ?? 0))
    }

    /// What `scope` needs of the contacts of `page` (`scoringData(tenantID:ticketsSince:contactIDs:scope:)` for a page).
    public func scoringData(tenantID: String, ticketsSince: Date, page: ContactPage, scope: ScoringScope) async throws -> ScoringData {
        try await scoringData(tenantID: tenantID, ticketsSince: ticketsSince, selection: .range(first: page.first, last: page.last), scope: scope)
    }

    /// The orders the scores count (placed, not cancelled, net of refunds) of the contacts of `page`, by contact: what the
    /// lifetime-value fit reads.
    public func scoringOrders(tenantID: String, page: ContactPage) async throws -> [ScoringData.Order] {
        let statement = ScoringSelection.range(first: page.first, last: page.last).restrict(
            SQLStatement(
                "SELECT contact_id, placed_at, total - refunded_amount FROM orders WHERE tenant_id = ? AND placed_at IS NOT NULL AND status <> 'cancelled' AND contact_id IS NOT NULL",
                [.text(tenantID)]),
            column: "contact_id")
        let rows = try await database.read([statement])
        return rows[0].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            return ScoringData.Order(contactID: contact, placedAt: at, amount: row.double(2) ?? 0)
        }
    }
}
