extension Migrations {
    /// Each tenant's sender per channel (`log`, `smtp`… with its settings; secrets apart, never read for display), and the
    /// instance's own secrets (the tracking key when AUTOPILOT_TRACKING_SECRET is unset), created once per database.
    static let channelSettings = Migration(
        version: 8, name: "channel_settings",
        template: [
            """
            CREATE TABLE channel_settings (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
                provider TEXT NOT NULL CHECK (length(provider) > 0),
                settings TEXT NOT NULL DEFAULT '{}',
                secrets TEXT,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, channel)
            )
            """,
            """
            CREATE TABLE instance_secrets (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL CHECK (length(value) >= 32),
                created_at {bigint} NOT NULL
            )
            """,
        ])
}
