extension Migrations {
    /// The tables an ingest batch writes besides the events, and their foreign keys (dropped on PostgreSQL by
    /// `projectionsWithoutChecks`, on SQLite by `ingestTablesWithoutChecksOnSQLite`).
    static let ingestForeignKeys: [(table: String, constraint: String)] = [
        ("contacts", "contacts_tenant_id_fkey"),
        ("products", "products_tenant_id_fkey"),
        ("carts", "carts_tenant_id_fkey"), ("carts", "carts_contact_id_fkey"),
        ("orders", "orders_tenant_id_fkey"), ("orders", "orders_contact_id_fkey"),
        ("order_lines", "order_lines_tenant_id_fkey"), ("order_lines", "order_lines_order_id_fkey"),
        ("leads", "leads_tenant_id_fkey"), ("leads", "leads_contact_id_fkey"),
        ("reviews", "reviews_tenant_id_fkey"), ("reviews", "reviews_contact_id_fkey"),
        ("wishlist_items", "wishlist_items_tenant_id_fkey"), ("wishlist_items", "wishlist_items_contact_id_fkey"),
        ("messages", "messages_tenant_id_fkey"), ("messages", "messages_contact_id_fkey"),
        ("message_events", "message_events_tenant_id_fkey"), ("message_events", "message_events_message_id_fkey"),
    ]

    /// PostgreSQL only, as migration 45 did for the events: the other tables an ingest batch writes (contacts, products,
    /// carts, orders and their lines, leads, reviews, wishlist items, messages and their events) no longer check their
    /// foreign keys row by row. Each check is a lookup that locks the row it finds (`FOR KEY SHARE`): one to three per
    /// row, almost all of them on the one tenant row, so two processes ingesting at once also share that row's lock
    /// through a multixact. They were most of the server's time for a batch's upserts (docs/postgres.md, "Ingest").
    ///
    /// What they guarded holds by construction. Every row is written with the tenant the request was authenticated as;
    /// an ingest batch writes, in one transaction and in one statement, every contact, order and message that its
    /// carts, lines, reviews and message events name, or names one it read as existing under the tenant's ingest lock;
    /// and nothing deletes a tenant, a contact, an order or a message (erasure anonymises a contact and keeps its row;
    /// retention prunes events and message events, the children). SQLite dropped the same checks later, for their cost on
    /// its writer (migration 47, `ingestTablesWithoutChecksOnSQLite`).
    static let projectionsWithoutChecks = Migration(
        version: 46, name: "projections_without_row_checks",
        template: [],
        dialectOnly: [
            .postgres: ingestForeignKeys.map { "ALTER TABLE \($0.table) DROP CONSTRAINT IF EXISTS \($0.constraint)" }
        ])
}
