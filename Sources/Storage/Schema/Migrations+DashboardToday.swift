extension Migrations {
    /// Indexes the dashboard's home page reads: a period's sent and replied messages, hot leads by score, held messages.
    static let dashboardToday = Migration(
        version: 19, name: "dashboard_today",
        template: [
            "CREATE INDEX messages_sent ON messages (tenant_id, sent_at)",
            "CREATE INDEX messages_replied ON messages (tenant_id, replied_at) WHERE replied_at IS NOT NULL",
            "CREATE INDEX leads_tier ON leads (tenant_id, tier, score)",
            "CREATE INDEX outbox_status ON outbox (tenant_id, status)",
        ])
}
