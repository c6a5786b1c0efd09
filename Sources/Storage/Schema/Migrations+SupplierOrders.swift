extension Migrations {
    /// Dropshipping: one row per order and supplier (`unroutable` for the lines no supplier takes), so that a replayed
    /// `order.placed` never creates a second supplier order, with its placement, tracking and retry state.
    static let supplierOrders = Migration(
        version: 13, name: "supplier_orders",
        template: [
            """
            CREATE TABLE supplier_orders (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                order_id TEXT NOT NULL,
                supplier TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'placed', 'shipped', 'failed', 'unroutable')),
                lines TEXT NOT NULL,
                details TEXT NOT NULL DEFAULT '{}',
                supplier_order_id TEXT,
                tracking_number TEXT,
                carrier TEXT,
                tracking_url TEXT,
                attempts {bigint} NOT NULL DEFAULT 0,
                next_attempt_at {bigint},
                last_error TEXT,
                alerted_at {bigint},
                placed_at {bigint},
                shipped_at {bigint},
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, order_id, supplier)
            )
            """,
            "CREATE INDEX supplier_orders_due ON supplier_orders (status, next_attempt_at)",
        ])
}
