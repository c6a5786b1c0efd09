import AutopilotCore
import Foundation

extension SQLStore {
    static let recentEventsLimit = 20

    public func contactDetail(id: String, tenantID: String) async throws -> ContactDetail? {
        let tenant = SQLValue.text(tenantID), contact = SQLValue.text(id)
        let rows = try await database.read([
            SQLStatement("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id = ?", [tenant, contact]),
            SQLStatement(
                "SELECT \(RecordColumns.order.joined(separator: ", ")) FROM orders WHERE tenant_id = ? AND contact_id = ? ORDER BY placed_at DESC, id DESC LIMIT 100",
                [tenant, contact]),
            SQLStatement(
                "SELECT \(RecordColumns.cart.joined(separator: ", ")) FROM carts WHERE tenant_id = ? AND contact_id = ? ORDER BY updated_at DESC LIMIT 50",
                [tenant, contact]),
            SQLStatement(
                "SELECT seq, \(RecordColumns.event.joined(separator: ", ")) FROM events WHERE \(EventsTable.tenantMatch) AND contact_id = ? ORDER BY seq DESC LIMIT \(Self.recentEventsLimit)",
                [tenant, contact]),
        ])
        guard let row = rows[0].first else { return nil }
        let orders = rows[1].map(RecordColumns.order)
        let lines = try await orderLines(orders.map(\.id))
        return ContactDetail(
            contact: ContactView(RecordColumns.contact(row)),
            orders: orders.map { OrderView($0, lines: lines[$0.id] ?? []) },
            carts: rows[2].map { CartView(RecordColumns.cart($0)) },
            recentEvents: rows[3].compactMap(RecordColumns.event).map { EventView($0.record) })
    }

    public func contactID(email: String, tenantID: String) async throws -> String? {
        let rows = try await database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = ?", [.text(tenantID), .text(email)])
        ])
        return rows[0].first?.text(0)
    }

    public func order(externalOrID id: String, tenantID: String) async throws -> OrderView? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.order.joined(separator: ", ")) FROM orders WHERE tenant_id = ? AND (id = ? OR external_id = ?)",
                [.text(tenantID), .text(id), .text(id)])
        ])
        guard let row = rows[0].first else { return nil }
        let order = RecordColumns.order(row)
        return OrderView(order, lines: try await orderLines([order.id])[order.id] ?? [])
    }

    private func orderLines(_ orderIDs: [String]) async throws -> [String: [OrderLine]] {
        guard !orderIDs.isEmpty else { return [:] }
        let rows = try await database.read([
            SQLStatement(
                "SELECT order_id, sku, quantity, price FROM order_lines WHERE order_id IN \(SQLStatement.placeholders(orderIDs.count)) ORDER BY order_id, line_number",
                orderIDs.map { .text($0) })
        ])
        var lines: [String: [OrderLine]] = [:]
        for row in rows[0] {
            lines[row.text(0) ?? "", default: []].append(OrderLine(sku: row.text(1) ?? "", quantity: Int(row.int(2) ?? 1), price: row.double(3) ?? 0))
        }
        return lines
    }

    public func events(_ query: EventQuery, tenantID: String) async throws -> EventPage {
        var sql = "SELECT seq, \(RecordColumns.event.joined(separator: ", ")) FROM events WHERE \(EventsTable.tenantMatch)"
        var binds: [SQLValue] = [.text(tenantID)]
        if let contact = query.contactID {
            sql += " AND contact_id = ?"
            binds.append(.text(contact))
        }
        if let type = query.type {
            // A literal (a value of the closed vocabulary, no quote in it), so the planner can pick the partial index of rare types.
            sql += " AND type = '\(type.rawValue)'"
        }
        if let before = query.before {
            sql += " AND seq < ?"
            binds.append(.int(before))
        }
        let limit = min(max(query.limit, 1), 500)
        sql += " ORDER BY seq DESC LIMIT \(limit + 1)"
        let rows = try await database.read([SQLStatement(sql, binds)])[0].compactMap(RecordColumns.event)
        let page = rows.prefix(limit)
        let cursor = rows.count > limit ? page.last.map { EventCursor.encode($0.seq) } : nil
        return EventPage(events: page.map { EventView($0.record) }, nextCursor: cursor)
    }

    public func summary(tenantID: String) async throws -> TenantSummary {
        let tenant = SQLValue.text(tenantID)
        func count(_ table: String, _ condition: String = "") -> SQLStatement {
            SQLStatement("SELECT count(*) FROM \(table) WHERE tenant_id = ? \(condition)", [tenant])
        }
        let rows = try await database.read([
            count("contacts"), count("leads"), count("products"),
            SQLStatement("SELECT count(*) FROM events WHERE \(EventsTable.tenantMatch)", [tenant]), count("wishlist_items"), count("messages"),
            SQLStatement(
                "SELECT count(*), sum(total - refunded_amount) FROM orders WHERE tenant_id = ? AND placed_at IS NOT NULL AND status <> 'cancelled'",
                [tenant]),
            SQLStatement("SELECT status, count(*) FROM carts WHERE tenant_id = ? GROUP BY status", [tenant]),
            SQLStatement("SELECT status, count(*) FROM orders WHERE tenant_id = ? GROUP BY status", [tenant]),
            SQLStatement("SELECT count(*), avg(CAST(rating AS DOUBLE PRECISION)) FROM reviews WHERE tenant_id = ?", [tenant]),
            count("contacts", "AND consent_email = 1"), count("contacts", "AND consent_sms = 1"),
            SQLStatement("SELECT coalesce(tier, 'unscored'), count(*) FROM leads WHERE tenant_id = ? GROUP BY coalesce(tier, 'unscored')", [tenant]),
        ])
        var summary = TenantSummary()
        summary.contacts = Int(rows[0].first?.int(0) ?? 0)
        summary.leads = Int(rows[1].first?.int(0) ?? 0)
        summary.products = Int(rows[2].first?.int(0) ?? 0)
        summary.events = Int(rows[3].first?.int(0) ?? 0)
        summary.wishlistItems = Int(rows[4].first?.int(0) ?? 0)
        summary.messages = Int(rows[5].first?.int(0) ?? 0)
        summary.orders = Int(rows[6].first?.int(0) ?? 0)
        summary.revenue = ((rows[6].first?.double(1) ?? 0) * 100).rounded() / 100
        for row in rows[7] { summary.cartsByStatus[row.text(0) ?? "?"] = Int(row.int(1) ?? 0) }
        for row in rows[8] { summary.ordersByStatus[row.text(0) ?? "?"] = Int(row.int(1) ?? 0) }
        summary.reviews = Int(rows[9].first?.int(0) ?? 0)
        summary.averageRating = rows[9].first?.double(1).map { ($0 * 100).rounded() / 100 }
        summary.consentedEmail = Int(rows[10].first?.int(0) ?? 0)
        summary.consentedSMS = Int(rows[11].first?.int(0) ?? 0)
        for row in rows[12] { summary.leadsByTier[row.text(0) ?? "?"] = Int(row.int(1) ?? 0) }
        return summary
    }
}
