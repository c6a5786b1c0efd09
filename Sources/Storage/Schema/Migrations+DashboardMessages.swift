extension Migrations {
    /// Indexes the dashboard's messages page reads: a tenant's outbox newest first, by status, by flow and by contact.
    static let dashboardMessages = Migration(
        version: 21, name: "dashboard_messages",
        template: [
            "CREATE INDEX outbox_tenant_created ON outbox (tenant_id, created_at)",
            "CREATE INDEX outbox_status_created ON outbox (tenant_id, status, created_at)",
            "CREATE INDEX outbox_flow_created ON outbox (tenant_id, flow_id, created_at)",
            "CREATE INDEX outbox_contact_created ON outbox (tenant_id, contact_id, created_at)",
        ])
}
