extension Migrations {
    /// Phone calls of the voice agent: one row per call (Twilio's call id, unique per tenant), who, which way, which
    /// provider, how long, what it cost, how it ended, its transcript and summary. A refused outbound call is a row too,
    /// with its reason.
    static let voiceCalls = Migration(
        version: 31, name: "voice_calls",
        template: [
            """
            CREATE TABLE voice_calls (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                call_id TEXT NOT NULL CHECK (length(call_id) > 0),
                contact_id TEXT REFERENCES contacts(id),
                phone TEXT,
                direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
                provider TEXT,
                language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
                status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed', 'unavailable', 'provider_lost', 'refused', 'placed', 'failed')),
                reason TEXT,
                started_at {bigint} NOT NULL,
                ended_at {bigint},
                duration_seconds {bigint} NOT NULL DEFAULT 0 CHECK (duration_seconds >= 0),
                cost_usd {real} NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
                transcript TEXT NOT NULL DEFAULT '[]',
                summary TEXT,
                lead_tier TEXT,
                PRIMARY KEY (tenant_id, call_id)
            )
            """,
            "CREATE INDEX voice_calls_started ON voice_calls (tenant_id, started_at)",
        ])
}
