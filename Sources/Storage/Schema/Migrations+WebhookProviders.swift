extension Migrations {
    /// `webhook_endpoints.provider` was limited to four vendors by a CHECK; the WhatsApp Cloud API (`whatsapp`) joins
    /// them. The table is rebuilt (SQLite cannot drop a CHECK) and the list now lives in code (`WebhookProvider`),
    /// which refuses unknown providers before anything is stored.
    static let webhookProviders = Migration(
        version: 15, name: "webhook_endpoints_any_provider",
        template: [
            """
            CREATE TABLE webhook_endpoints_v2 (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                provider TEXT NOT NULL CHECK (length(provider) > 0),
                token TEXT NOT NULL UNIQUE,
                secret TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, provider)
            )
            """,
            "INSERT INTO webhook_endpoints_v2 (tenant_id, provider, token, secret, created_at) SELECT tenant_id, provider, token, secret, created_at FROM webhook_endpoints",
            "DROP TABLE webhook_endpoints",
            "ALTER TABLE webhook_endpoints_v2 RENAME TO webhook_endpoints",
        ])
}
