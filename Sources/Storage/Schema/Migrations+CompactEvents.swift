extension Migrations {
    /// The events table, compact (docs/storage.md): each tenant gets a small integer key (`tenant_keys`), which the events
    /// table and its indexes carry instead of the 29-character tenant id; the properties are stored with their common keys
    /// as one- or two-byte tokens (`StoredProperties`); the indexes are those a query plan uses — the tenant's events in
    /// order, a contact's events, the idempotency keys, and the rare types that whole-tenant reads filter on (the frequent
    /// ones are read after a cursor, in `seq` order). On SQLite an index ends with the rowid, which is `seq`, so it is not
    /// spelt out. Existing rows are copied over in `seq` order.
    static let compactEvents = Migration(
        version: 42, name: "compact_events",
        template: [
            """
            CREATE TABLE tenant_keys (
                tenant_key {seq},
                tenant_id TEXT NOT NULL UNIQUE REFERENCES tenants(id)
            )
            """,
            "INSERT INTO tenant_keys (tenant_id) SELECT id FROM tenants ORDER BY created_at, id",
            """
            CREATE TABLE events_compact (
                seq {seq},
                tenant_key {bigint} NOT NULL REFERENCES tenant_keys(tenant_key),
                id TEXT NOT NULL,
                type TEXT NOT NULL,
                occurred_at {bigint} NOT NULL,
                received_at {bigint} NOT NULL,
                idempotency_key TEXT,
                contact_id TEXT REFERENCES contacts(id),
                properties TEXT NOT NULL
            )
            """,
        ],
        dialectOnly: [
            .sqlite: copyEvents(.sqlite) + eventIndexes(seq: ""),
            .postgres: copyEvents(.postgres)
                + ["SELECT setval(pg_get_serial_sequence('events', 'seq'), COALESCE((SELECT MAX(seq) FROM events), 0) + 1, false)"]
                + eventIndexes(seq: ", seq"),
        ])

    /// The types whole-tenant reads filter on (scoring, the dashboard, the events API): the vocabulary of migration 42 but
    /// its seven frequent types (message sent, delivered, opened; cart updated; order placed, fulfilled, delivered). Fixed:
    /// a type added later is found through the tenant's index.
    static let rareEventTypes: [String] = [
        "contact.created", "contact.updated", "contact.unsubscribed", "lead.created", "lead.qualified", "score.churn_risk_crossed",
        "product.updated", "product.price_changed", "cart.abandoned", "cart.recovered", "order.cancelled", "order.refunded",
        "review.submitted", "wishlist.added", "wishlist.removed", "support.ticket_created", "message.clicked", "message.bounced",
        "message.failed", "message.replied", "conversation.message", "call.logged", "segment.entered", "segment.left",
    ]

    /// Copies the rows in `seq` order, the properties encoded by a chain of common table expressions (one per step).
    private static func copyEvents(_ dialect: SQLDialect) -> [String] {
        let columns = "seq, tenant_key, id, type, occurred_at, received_at, idempotency_key, contact_id"
        let steps = StoredProperties.sqlEncodingSteps(of: "p", dialect: dialect).enumerated().map { index, expression in
            "p\(index + 1) AS (SELECT \(columns), \(expression) AS p FROM p\(index))"
        }
        let last = "p\(steps.count)"
        return [
            """
            INSERT INTO events_compact (\(columns), properties)
            WITH p0 AS (
                SELECT e.seq, k.tenant_key, e.id, e.type, e.occurred_at, e.received_at, e.idempotency_key, e.contact_id, e.properties AS p
                FROM events e JOIN tenant_keys k ON k.tenant_id = e.tenant_id
            ),
            \(steps.joined(separator: ",\n"))
            SELECT \(columns), p FROM \(last) ORDER BY seq
            """,
            "DROP TABLE events",
            "ALTER TABLE events_compact RENAME TO events",
        ]
    }

    private static func eventIndexes(seq: String) -> [String] {
        let rare = rareEventTypes.map { "type = '\($0)'" }.joined(separator: " OR ")
        return [
            "CREATE INDEX events_tenant ON events (tenant_key\(seq))",
            "CREATE INDEX events_contact ON events (tenant_key, contact_id\(seq))",
            "CREATE UNIQUE INDEX events_idempotency ON events (tenant_key, idempotency_key)",
            "CREATE INDEX events_rare_type ON events (tenant_key, type\(seq)) WHERE \(rare)",
        ]
    }
}
