extension Migrations {
    /// CRM sync: a durable outbox of contacts and deals to send to each configured CRM (one row per source event and kind,
    /// so a replayed event is a no-op), and each CRM's last success, last error and pause after an outage.
    static let crmOutbox = Migration(
        version: 10, name: "crm_outbox",
        template: [
            """
            CREATE TABLE crm_outbox (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                crm TEXT NOT NULL CHECK (crm IN ('hubspot', 'pipedrive')),
                kind TEXT NOT NULL CHECK (kind IN ('contact', 'deal')),
                record_key TEXT NOT NULL CHECK (length(record_key) > 0),
                source_event_id TEXT NOT NULL,
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
                attempts {bigint} NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                next_attempt_at {bigint},
                remote_id TEXT,
                last_error TEXT,
                sent_at {bigint},
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX crm_outbox_source ON crm_outbox (tenant_id, crm, source_event_id, kind)",
            "CREATE INDEX crm_outbox_due ON crm_outbox (crm, kind, next_attempt_at) WHERE next_attempt_at IS NOT NULL",
            "CREATE INDEX crm_outbox_record ON crm_outbox (tenant_id, crm, kind, record_key)",
            """
            CREATE TABLE crm_sync_state (
                crm TEXT PRIMARY KEY,
                last_success_at {bigint},
                last_error TEXT,
                last_error_at {bigint},
                outages {bigint} NOT NULL DEFAULT 0 CHECK (outages >= 0),
                paused_until {bigint},
                updated_at {bigint} NOT NULL
            )
            """,
        ])
}
