extension Migrations {
    /// What the daily list and the weekly report read instead of rescoring every customer on each view: the leads of the
    /// last weeks by date, the conversations (messages not marked marketing or transactional) by date, and the weekly
    /// report's customer numbers kept per tenant, week and language (`weekly_report_cache`, see `WeeklyReportCacheStore`).
    static let dashboardSpeed = Migration(
        version: 23, name: "dashboard_speed",
        template: [
            "CREATE INDEX leads_created ON leads (tenant_id, created_at)",
            "CREATE INDEX messages_conversation_sent ON messages (tenant_id, sent_at) WHERE COALESCE(kind, 'conversation') = 'conversation'",
            """
            CREATE TABLE weekly_report_cache (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                week_start {bigint} NOT NULL,
                language TEXT NOT NULL CHECK (length(language) > 0),
                numbers TEXT NOT NULL,
                computed_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, week_start, language)
            )
            """,
        ])
}
