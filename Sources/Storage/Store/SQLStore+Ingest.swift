import AutopilotCore
import Foundation

extension SQLStore {
    public func recordEvents(_ events: [IncomingEvent], tenantID: String, receivedAt: Date, ids: any IDGenerator) async throws -> IngestResult {
        guard !events.isEmpty else { return IngestResult() }
        let batch = IngestBatch(events: events, tenantID: tenantID, receivedAt: receivedAt)
        return try await record(batch, planned: nil, ids: ids)
    }

    /// Records a batch in one transaction: as planned when `planned` was planned from what the transaction reads, else
    /// planned there.
    func record(_ batch: IngestBatch, planned: PlannedIngest?, ids: any IDGenerator) async throws -> IngestResult {
        // PostgreSQL, a large batch: first without reading which idempotency keys are stored (a probe of the unique index
        // per key, the largest read of a batch, made while the tenant's ingest lock is held). When one was stored, the
        // unique index refuses the batch's events, the whole transaction rolls back, and the batch is decided again from
        // the keys read. A small batch (a webhook, which its sender may deliver again) reads its few keys first: a refused
        // attempt would cost it a second transaction and leave an error in the server's log.
        if let postgres = database as? PostgresDatabase, batch.lookups.idempotencyKeys.count >= Self.keysWrittenUnread {
            do {
                return try await record(batch, planned: planned, readingKeys: false, ids: ids)
            } catch where postgres.isUniqueViolation(error, index: EventsTable.idempotencyIndex) {
                // A key was stored already: decided again below, its event answered as a duplicate.
            }
        }
        return try await record(batch, planned: planned, readingKeys: true, ids: ids)
    }

    /// From this many idempotency keys a PostgreSQL batch is first written without reading them.
    static let keysWrittenUnread = 100

    private func record(_ batch: IngestBatch, planned: PlannedIngest?, readingKeys: Bool, ids: any IDGenerator) async throws -> IngestResult {
        let tenantID = batch.tenantID
        let reads = SnapshotReads(lookups: batch.lookups, tenantID: tenantID, dialect: database.dialect, readingKeys: readingKeys)
        return try await database.transaction(lock: "ingest:" + tenantID, reads: [EventsTable.tenantKeyRead(tenantID)] + reads.statements) { rows in
            guard let tenantKey = rows[0].first?.int(0) else { throw UnknownTenant(tenantID: tenantID) }
            let snapshot = reads.snapshot(from: Array(rows.dropFirst()))
            if let planned, planned.tenantKey == tenantKey, planned.snapshot.plansLike(snapshot.canonical, keysRead: readingKeys) {
                return (planned.writes, IngestResult(plan: planned.plan, events: batch.events))
            }
            let plan = IngestPlanner.plan(batch.events, snapshot: snapshot, ids: ids, receivedAt: batch.receivedAt)
            return (PlanWrites.writes(for: plan, tenantID: tenantID, tenantKey: tenantKey), IngestResult(plan: plan, events: batch.events))
        }
    }
}

/// A batch of events to record for a tenant, and what it names.
struct IngestBatch: Sendable {
    let events: [IncomingEvent]
    let tenantID: String
    let receivedAt: Date
    let lookups: IngestLookups

    init(events: [IncomingEvent], tenantID: String, receivedAt: Date) {
        self.events = events
        self.tenantID = tenantID
        self.receivedAt = receivedAt
        lookups = IngestLookups(for: events)
    }
}

/// The reads that load an `IngestSnapshot` for a batch, and the decoding of their rows.
struct SnapshotReads: Sendable {
    enum Kind: Sendable { case keys, contacts, carts, orders, products, messages }

    private(set) var statements: [SQLStatement] = []
    private var kinds: [Kind] = []

    /// `readingKeys: false` leaves out which of the batch's idempotency keys are stored: the unique index then refuses a
    /// stored one when the events are written (PostgreSQL's optimistic first attempt, `SQLStore.recordEvents`).
    init(lookups: IngestLookups, tenantID: String, dialect: SQLDialect = .sqlite, readingKeys: Bool = true) {
        let tenant = SQLValue.text(tenantID)
        func add(_ kind: Kind, _ sql: String, _ values: Set<String>, extra: [SQLValue] = [], closing: String = "") {
            guard !values.isEmpty else { return }
            let sorted = values.sorted()
            if dialect == .postgres, closing.isEmpty, extra.isEmpty, let probes = Self.probes(sql, tenant: tenant, values: sorted) {
                statements.append(probes)
            } else {
                statements.append(
                    SQLStatement(sql + " IN " + SQLStatement.placeholders(sorted.count) + closing, [tenant] + extra + sorted.map { .text($0) }))
            }
            kinds.append(kind)
        }
        if readingKeys {
            add(.keys, "SELECT idempotency_key, id FROM events WHERE \(EventsTable.tenantMatch) AND idempotency_key", lookups.idempotencyKeys)
        }
        let contactColumns = RecordColumns.contact.joined(separator: ", ")
        add(.contacts, "SELECT \(contactColumns) FROM contacts WHERE tenant_id = ? AND email", lookups.emails)
        add(.contacts, "SELECT \(contactColumns) FROM contacts WHERE tenant_id = ? AND phone", lookups.phones)
        add(.contacts, "SELECT \(contactColumns) FROM contacts WHERE tenant_id = ? AND external_id", lookups.contactExternalIDs)
        let cartColumns = RecordColumns.cart.joined(separator: ", ")
        add(.carts, "SELECT \(cartColumns) FROM carts WHERE tenant_id = ? AND external_id", lookups.cartIDs)
        if lookups.needsActiveCarts {
            for (column, values) in [("email", lookups.emails), ("phone", lookups.phones), ("external_id", lookups.contactExternalIDs)] {
                add(
                    .carts,
                    "SELECT \(cartColumns) FROM carts WHERE tenant_id = ? AND status IN ('open', 'abandoned') AND contact_id IN "
                        + "(SELECT id FROM contacts WHERE tenant_id = ? AND \(column)", values, extra: [tenant], closing: ")")
            }
        }
        add(.orders, "SELECT \(RecordColumns.order.joined(separator: ", ")) FROM orders WHERE tenant_id = ? AND external_id", lookups.orderIDs)
        add(.products, "SELECT \(RecordColumns.product.joined(separator: ", ")) FROM products WHERE tenant_id = ? AND sku", lookups.skus)
        add(
            .messages, "SELECT \(RecordColumns.message.joined(separator: ", ")) FROM messages WHERE tenant_id = ? AND external_id", lookups.messageIDs
        )
    }

    /// On PostgreSQL, `SELECT … WHERE … AND column IN (values)` as one probe of the column's index per value: the values
    /// go as one text (split by `string_to_array` on the unit separator, U+001F) and each is looked up through a `LATERAL`
    /// subquery. With `IN`/`= ANY`, the planner weighs the lookup against scanning the tenant's rows, and while a bulk import
    /// grows a table faster than autovacuum analyses it, it believes the tenant has a few hundred rows and scans them all —
    /// every batch, slower and slower (docs/postgres.md). `OFFSET 0` keeps the subquery from being pulled up into a join
    /// (which the planner would hash, scanning the tenant's rows again). Nil when a value is empty or holds the separator
    /// (then `IN` it is): `string_to_array` gives no element for an empty text.
    static func probes(_ sql: String, tenant: SQLValue, values: [String]) -> SQLStatement? {
        let separator = "\u{1F}"
        guard !values.contains(where: { $0.isEmpty || $0.contains(separator) }) else { return nil }
        return SQLStatement(
            "SELECT found.* FROM unnest(string_to_array(?, chr(31))) AS probe(value) CROSS JOIN LATERAL (" + sql + " = probe.value OFFSET 0) AS found",
            [.text(values.joined(separator: separator)), tenant])
    }

    func snapshot(from results: [[SQLRow]]) -> IngestSnapshot {
        var snapshot = IngestSnapshot()
        var seenContacts: Set<String> = []
        var seenCarts: Set<String> = []
        for (kind, rows) in zip(kinds, results) {
            for row in rows {
                switch kind {
                case .keys:
                    if let key = row.text(0), let id = row.text(1) { snapshot.existingKeys[key] = id }
                case .contacts:
                    let contact = RecordColumns.contact(row)
                    if seenContacts.insert(contact.id).inserted { snapshot.contacts.append(contact) }
                case .carts:
                    let cart = RecordColumns.cart(row)
                    if seenCarts.insert(cart.id).inserted { snapshot.carts.append(cart) }
                case .orders: snapshot.orders.append(RecordColumns.order(row))
                case .products: snapshot.products.append(RecordColumns.product(row))
                case .messages: snapshot.messages.append(RecordColumns.message(row))
                }
            }
        }
        return snapshot
    }
}

/// The writes that carry out an `IngestPlan`, parents before children.
enum PlanWrites {
    static func writes(for plan: IngestPlan, tenantID: String, tenantKey: Int64) -> [SQLWrite] {
        let tenant = SQLValue.text(tenantID)
        var writes: [SQLWrite] = [
            .upsert(
                table: "contacts", columns: RecordColumns.contact, key: ["id"], rows: plan.contacts.map { RecordColumns.values($0, tenant: tenantID) }
            ),
            .upsert(
                table: "products", columns: RecordColumns.product, key: ["tenant_id", "sku"],
                rows: plan.products.map { RecordColumns.values($0, tenant: tenantID) }),
            .upsert(table: "carts", columns: RecordColumns.cart, key: ["id"], rows: plan.carts.map { RecordColumns.values($0, tenant: tenantID) }),
            .upsert(table: "orders", columns: RecordColumns.order, key: ["id"], rows: plan.orders.map { RecordColumns.values($0, tenant: tenantID) }),
        ]
        for orderID in plan.ordersWithReplacedLines {
            writes.append(.statement(SQLStatement("DELETE FROM order_lines WHERE order_id = ?", [.text(orderID)])))
        }
        writes += [
            .insert(
                table: "order_lines", columns: ["order_id", "line_number", "tenant_id", "sku", "quantity", "price"],
                rows: plan.orderLines.map {
                    [.text($0.orderID), .integer($0.lineNumber), tenant, .text($0.line.sku), .integer($0.line.quantity), .double($0.line.price)]
                }, conflict: ""),
            .insert(
                table: "leads", columns: ["id", "tenant_id", "external_id", "contact_id", "company", "message", "source", "created_at"],
                rows: plan.leads.map {
                    [
                        .text($0.id), tenant, .text($0.externalID), .text($0.contactID), .text($0.company), .text($0.message), .text($0.source),
                        .date($0.createdAt),
                    ]
                }, conflict: "ON CONFLICT (tenant_id, external_id) DO NOTHING"),
        ]
        writes += CouponRedemption.writes(for: plan.events, tenantID: tenantID)
        for (externalID, contactID, score) in plan.leadScores {
            let target =
                externalID.map { SQLStatement("external_id = ?", [.text($0)]) }
                ?? SQLStatement(
                    "id = (SELECT id FROM leads WHERE tenant_id = ? AND contact_id = ? ORDER BY created_at DESC, id DESC LIMIT 1)",
                    [tenant, .text(contactID)])
            writes.append(
                .statement(
                    SQLStatement(
                        "UPDATE leads SET score = ?, tier = ? WHERE tenant_id = ? AND " + target.sql,
                        [.integer(score.score), .text(score.tier), tenant] + target.binds)))
        }
        writes += [
            .insert(
                table: "reviews",
                columns: ["id", "tenant_id", "contact_id", "order_external_id", "sku", "rating", "has_photo", "text", "submitted_at"],
                rows: plan.reviews.map {
                    [
                        .text($0.id), tenant, .text($0.contactID), .text($0.orderExternalID), .text($0.sku), .integer($0.rating), .bool($0.hasPhoto),
                        .text($0.text), .date($0.submittedAt),
                    ]
                }, conflict: ""),
        ]
        writes += plan.wishlistRemovals.map {
            .statement(
                SQLStatement("DELETE FROM wishlist_items WHERE tenant_id = ? AND contact_id = ? AND sku = ?", [tenant, .text($0.contactID), .text($0.sku)]))
        }
        writes += [
            .insert(
                table: "wishlist_items", columns: ["tenant_id", "contact_id", "sku", "added_at"],
                rows: plan.wishlist.map { [tenant, .text($0.contactID), .text($0.sku), .date($0.addedAt)] },
                conflict: "ON CONFLICT (tenant_id, contact_id, sku) DO NOTHING"),
            .upsert(
                table: "messages", columns: RecordColumns.message, key: ["id"], rows: plan.messages.map { RecordColumns.values($0, tenant: tenantID) }
            ),
            .insert(
                table: "message_events", columns: ["tenant_id", "message_id", "type", "occurred_at"],
                rows: plan.messageEvents.map { [tenant, .text($0.messageID), .text($0.type.rawValue), .date($0.occurredAt)] }, conflict: ""),
            .insert(
                table: "events", columns: RecordColumns.event, rows: plan.events.map { RecordColumns.values($0, tenantKey: tenantKey) }, conflict: ""),
        ]
        return writes.filter { !$0.isEmpty }
    }
}
