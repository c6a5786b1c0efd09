extension Migrations {
    /// Indexes the worker's loops need: open carts by last update (abandonment detection and the simulator's next due
    /// moment read them on every pass, which scanned every cart before), and a flow's finished messages by time (the
    /// circuit breaker's window).
    static let flowIndexes = Migration(
        version: 7, name: "flow_indexes",
        template: [
            "CREATE INDEX carts_open_updated ON carts (updated_at) WHERE status = 'open'",
            "CREATE INDEX carts_open_tenant ON carts (tenant_id, updated_at) WHERE status = 'open'",
            "CREATE INDEX outbox_flow_finished ON outbox (tenant_id, flow_id, updated_at) WHERE status IN ('sent', 'failed')",
        ])
}
