import AutopilotCore
import Foundation

extension SQLStore {
    /// Whether the tenant has events after the router's cursor (what `routeEvents` would read next).
    public func hasUnroutedEvents(tenantID: String) async throws -> Bool {
        let tenant = SQLValue.text(tenantID)
        return try await !database.read([
            SQLStatement(
                "SELECT 1 FROM events WHERE \(EventsTable.tenantMatch) AND seq > "
                    + "COALESCE((SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = 'router'), 0) LIMIT 1",
                [tenant, tenant])
        ])[0].isEmpty
    }

    /// Routes the tenant's next `limit` events after the router's cursor: reads them with their context, lets `route`
    /// decide the run changes, writes those and moves the cursor, all in one transaction. Routers of one tenant take turns.
    public func routeEvents(
        tenantID: String, limit: Int, route: @escaping @Sendable (FlowRoutingBatch) throws -> FlowChanges
    ) async throws -> FlowRoutingResult {
        let tenant = SQLValue.text(tenantID)
        let eventColumns = "seq, " + RecordColumns.event.joined(separator: ", ")
        let eventsRead = SQLStatement(
            "SELECT \(eventColumns) FROM events WHERE \(EventsTable.tenantMatch) AND seq > COALESCE((SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = 'router'), 0) ORDER BY seq LIMIT ?",
            [tenant, tenant, .integer(limit)])
        let forUpdate = database.dialect == .postgres ? " FOR UPDATE" : ""

        // Stage 2: carts, orders and their lines, and the wishers of products named by the events.
        // Nothing new (the usual idle pass): no follow-up reads at all.
        let entities: @Sendable ([[SQLRow]]) throws -> [SQLStatement] = { rows in
            guard !rows[0].isEmpty else { return [] }
            let events = rows[0].compactMap(RecordColumns.event)
            var carts = Set<String>(), orders = Set<String>(), skus = Set<String>(), codes = Set<String>(), buyers = Set<String>()
            for (_, event) in events {
                if let id = event.properties["cart_id"]?.stringValue { carts.insert(id) }
                if let id = event.properties["order_id"]?.stringValue { orders.insert(id) }
                if let sku = event.properties["sku"]?.stringValue { skus.insert(sku) }
                let named = ReferralCodes.named(by: event)
                codes.formUnion(named)
                if !named.isEmpty, let contact = event.contactID { buyers.insert(contact) }
            }
            return [
                Self.inList("SELECT \(RecordColumns.cart.joined(separator: ", ")) FROM carts WHERE tenant_id = ? AND external_id", tenant, carts),
                Self.inList("SELECT \(RecordColumns.order.joined(separator: ", ")) FROM orders WHERE tenant_id = ? AND external_id", tenant, orders),
                Self.inList(
                    "SELECT o.external_id, l.sku, l.quantity, l.price FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.tenant_id = ? AND o.external_id",
                    tenant, orders, closing: " ORDER BY l.order_id, l.line_number"),
                Self.inList("SELECT sku, contact_id FROM wishlist_items WHERE tenant_id = ? AND sku", tenant, skus),
                Self.inList("SELECT code, contact_id FROM coupons WHERE kind = 'referral' AND tenant_id = ? AND code", tenant, codes),
                Self.inList("SELECT referred_contact_id FROM referrals WHERE tenant_id = ? AND referred_contact_id", tenant, buyers),
            ]
        }
        // Stage 3: contacts and their runs, products and their reviews.
        let people: @Sendable ([[SQLRow]]) throws -> [SQLStatement] = { rows in
            guard !rows[0].isEmpty else { return [] }
            var contacts = Set<String>(), skus = Set<String>()
            for (_, event) in rows[0].compactMap(RecordColumns.event) {
                if let id = event.contactID { contacts.insert(id) }
                if let sku = event.properties["sku"]?.stringValue { skus.insert(sku) }
            }
            for row in rows[1] { for line in RecordColumns.cart(row).lines { skus.insert(line.sku) } }
            for row in rows[3] { if let sku = row.text(1) { skus.insert(sku) } }
            for row in rows[4] { if let contact = row.text(1) { contacts.insert(contact) } }
            let runColumns = FlowRunRecord.columns.dropLast().joined(separator: ", ")
            return [
                Self.inList("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id", tenant, contacts),
                Self.inList(
                    "SELECT \(runColumns), CASE WHEN status IN ('completed', 'exited', 'skipped') THEN '' ELSE state END FROM flow_runs WHERE tenant_id = ? AND contact_id",
                    tenant, contacts, closing: forUpdate),
                Self.inList("SELECT \(RecordColumns.product.joined(separator: ", ")) FROM products WHERE tenant_id = ? AND sku", tenant, skus),
                Self.inList("SELECT sku, AVG(rating), COUNT(*) FROM reviews WHERE tenant_id = ? AND sku", tenant, skus, closing: " GROUP BY sku"),
            ]
        }
        return try await database.transaction(lock: "router:" + tenantID, reads: [eventsRead], followUps: [entities, people]) { rows in
            guard !rows[0].isEmpty else { return ([], FlowRoutingResult(events: 0, changes: 0)) }
            let batch = Self.routingBatch(rows)
            guard let lastSeq = batch.lastSeq else { return ([], FlowRoutingResult(events: 0, changes: 0)) }
            let changes = try route(batch)
            var writes = changes.writes
            writes.append(
                .upsert(
                    table: "flow_cursors", columns: ["tenant_id", "name", "position"], key: ["tenant_id", "name"],
                    rows: [[tenant, .text("router"), .int(lastSeq)]]))
            return (writes, FlowRoutingResult(events: batch.events.count, changes: changes.runs.count))
        }
    }

    /// `sql IN (…)` over a set of text values, with the tenant as first parameter; a statement matching nothing when empty.
    static func inList(_ sql: String, _ tenant: SQLValue, _ values: Set<String>, closing: String = "") -> SQLStatement {
        idList(sql, values, first: [tenant], closing: closing)
    }

    static func routingBatch(_ rows: [[SQLRow]]) -> FlowRoutingBatch {
        let events = rows[0].compactMap(RecordColumns.event)
        var carts: [String: CartRecord] = [:]
        for row in rows[1] { let cart = RecordColumns.cart(row); carts[cart.externalID] = cart }
        var orders: [String: OrderRecord] = [:]
        for row in rows[2] { let order = RecordColumns.order(row); orders[order.externalID] = order }
        var lines: [String: [OrderLine]] = [:]
        for row in rows[3] {
            guard let order = row.text(0), let sku = row.text(1) else { continue }
            lines[order, default: []].append(OrderLine(sku: sku, quantity: Int(row.int(2) ?? 1), price: row.double(3) ?? 0))
        }
        var wishers: [String: [String]] = [:]
        for row in rows[4] { if let sku = row.text(0), let contact = row.text(1) { wishers[sku, default: []].append(contact) } }
        var referralCodes: [String: String] = [:]
        for row in rows[5] { if let code = row.text(0), let contact = row.text(1) { referralCodes[code.uppercased()] = contact } }
        let referred = Set(rows[6].compactMap { $0.text(0) })
        var contacts: [String: ContactRecord] = [:]
        for row in rows[7] { let contact = RecordColumns.contact(row); contacts[contact.id] = contact }
        let runs = rows[8].map(FlowRunRecord.init(row:))
        var products: [String: ProductRecord] = [:]
        for row in rows[9] { let product = RecordColumns.product(row); products[product.sku] = product }
        var reviews: [String: (rating: Double, count: Int)] = [:]
        for row in rows[10] { if let sku = row.text(0) { reviews[sku] = (row.double(1) ?? 0, Int(row.int(2) ?? 0)) } }
        return FlowRoutingBatch(
            events: events, contacts: contacts, wishers: wishers, runs: runs, carts: carts, orders: orders, orderLines: lines,
            products: products, reviewStats: reviews, referralCodes: referralCodes, referredContacts: referred)
    }
}
