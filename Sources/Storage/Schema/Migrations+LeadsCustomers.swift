extension Migrations {
    /// The leads and customers pages: a lead's outcome (won, lost), its last qualification, people's notes on it; each
    /// customer's R, F and M scores and expected next order beside the segment; and the indexes those pages read.
    static let leadsAndCustomers = Migration(
        version: 20, name: "dashboard_leads_customers",
        template: [
            "ALTER TABLE leads ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost'))",
            "ALTER TABLE leads ADD COLUMN status_at {bigint}",
            "ALTER TABLE leads ADD COLUMN status_by TEXT",
            "ALTER TABLE leads ADD COLUMN qualification TEXT",
            "ALTER TABLE leads ADD COLUMN qualified_by TEXT",
            "ALTER TABLE leads ADD COLUMN qualified_at {bigint}",
            """
            CREATE TABLE lead_notes (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                lead_id TEXT NOT NULL REFERENCES leads(id),
                author_id TEXT NOT NULL,
                author_email TEXT NOT NULL,
                text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
                created_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX lead_notes_lead ON lead_notes (tenant_id, lead_id, created_at)",
            "CREATE INDEX leads_score ON leads (tenant_id, score, created_at, id)",
            "CREATE INDEX leads_source ON leads (tenant_id, source, score)",
            "ALTER TABLE contacts ADD COLUMN rfm_r {bigint} CHECK (rfm_r BETWEEN 1 AND 5)",
            "ALTER TABLE contacts ADD COLUMN rfm_f {bigint} CHECK (rfm_f BETWEEN 1 AND 5)",
            "ALTER TABLE contacts ADD COLUMN rfm_m {bigint} CHECK (rfm_m BETWEEN 1 AND 5)",
            "ALTER TABLE contacts ADD COLUMN next_order_at {bigint}",
            "CREATE INDEX contacts_rfm ON contacts (tenant_id, rfm_r, rfm_f, total_spent)",
            "CREATE INDEX contacts_orders_count ON contacts (tenant_id, orders_count)",
            "CREATE INDEX contacts_churn_band ON contacts (tenant_id, churn_band)",
            "CREATE INDEX contacts_clv ON contacts (tenant_id, clv)",
            "CREATE INDEX messages_contact_replied ON messages (tenant_id, contact_id, replied_at)",
        ])
}
