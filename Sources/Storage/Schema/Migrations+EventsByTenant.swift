extension Migrations {
    /// A tenant's events in order: the router reads them after its cursor, and `MAX(seq)` of a tenant on every pass. Without
    /// it both walked the tenant's whole `(tenant_id, idempotency_key)` index and sorted it — 11 ms a read at 60,000 events,
    /// a third of the demo's simulated month. And the contacts whose email bounced, which every claim of the outbox reads:
    /// it scanned every message.
    static let eventsByTenant = Migration(
        version: 22, name: "events_by_tenant_seq_and_bounced_contacts",
        template: [
            "CREATE INDEX events_tenant_seq ON events (tenant_id, seq)",
            "CREATE INDEX messages_bounced_contact ON messages (contact_id) WHERE bounced_at IS NOT NULL",
        ])
}
