import AutopilotCore
import Foundation

extension SQLStore {
    static let customerValueColumns = """
        id, first_name, last_name, email, orders_count, total_spent, last_order_at, rfm_segment, rfm_r, rfm_f, rfm_m, churn_score, churn_band,
        clv, p_alive, next_order_at, scored_at
        """

    public func rfmGrid(tenantID: String) async throws -> [RFMGridCell] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT rfm_r, rfm_f, COUNT(*), SUM(total_spent) FROM contacts
                WHERE tenant_id = ? AND rfm_r IS NOT NULL AND rfm_f IS NOT NULL GROUP BY rfm_r, rfm_f
                """, [.text(tenantID)])
        ])
        return rows[0].compactMap { row in
            guard let recency = row.int(0), let frequency = row.int(1) else { return nil }
            return RFMGridCell(recency: Int(recency), frequency: Int(frequency), customers: Int(row.int(2) ?? 0), revenue: row.double(3) ?? 0)
        }
    }

    public func contactsWithoutOrders(tenantID: String) async throws -> Int {
        let rows = try await database.read([
            SQLStatement("SELECT COUNT(*) FROM contacts WHERE tenant_id = ? AND orders_count = 0", [.text(tenantID)])
        ])
        return Int(rows[0].first?.int(0) ?? 0)
    }

    public func churnBandCounts(tenantID: String) async throws -> [String: Int] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT churn_band, COUNT(*) FROM contacts WHERE tenant_id = ? AND churn_band IS NOT NULL GROUP BY churn_band", [.text(tenantID)])
        ])
        var counts: [String: Int] = [:]
        for row in rows[0] { if let band = row.text(0) { counts[band] = Int(row.int(1) ?? 0) } }
        return counts
    }

    public func topCustomersByValue(tenantID: String, limit: Int) async throws -> [CustomerValueRow] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.customerValueColumns) FROM contacts WHERE tenant_id = ? AND clv IS NOT NULL ORDER BY clv DESC, id LIMIT ?",
                [.text(tenantID), .integer(limit)])
        ])
        return rows[0].map(Self.customerValue)
    }

    public func customerScores(contactID: String, tenantID: String) async throws -> CustomerValueRow? {
        let rows = try await database.read([
            SQLStatement("SELECT \(Self.customerValueColumns) FROM contacts WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(contactID)])
        ])
        return rows[0].first.map(Self.customerValue)
    }

    public func orderCurrency(tenantID: String) async throws -> String? {
        let rows = try await database.read([
            SQLStatement("SELECT currency FROM orders WHERE tenant_id = ? AND currency IS NOT NULL LIMIT 1", [.text(tenantID)])
        ])
        return rows[0].first?.text(0)
    }

    public func contactLeads(contactID: String, tenantID: String) async throws -> [LeadRow] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT \(Self.leadRowColumns) FROM leads l JOIN contacts c ON c.id = l.contact_id
                WHERE l.tenant_id = ? AND l.contact_id = ? ORDER BY l.created_at DESC, l.id LIMIT 20
                """, [.text(tenantID), .text(contactID)])
        ])
        return rows[0].map(Self.leadRow)
    }

    static func customerValue(_ row: SQLRow) -> CustomerValueRow {
        CustomerValueRow(
            contactID: row.text(0) ?? "", firstName: row.text(1), lastName: row.text(2), email: row.text(3), ordersCount: Int(row.int(4) ?? 0),
            totalSpent: row.double(5) ?? 0, lastOrderAt: row.date(6), rfmSegment: row.text(7), recency: row.int(8).map(Int.init),
            frequency: row.int(9).map(Int.init), monetary: row.int(10).map(Int.init), churnScore: row.double(11), churnBand: row.text(12),
            clv: row.double(13), probabilityAlive: row.double(14), nextOrderAt: row.date(15), scoredAt: row.date(16))
    }
}
