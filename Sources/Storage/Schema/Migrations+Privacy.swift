extension Migrations {
    /// Erasure and retention (docs/privacy.md): when a contact was erased, the tenant's suppression list (keyed hashes of
    /// erased addresses, never the addresses), the per-tenant hashing key, the erasure audit log (ids and counts only), and
    /// an index for clearing old message contents in bounded batches.
    static let privacy = Migration(
        version: 41, name: "privacy",
        template: [
            "ALTER TABLE contacts ADD COLUMN erased_at {bigint}",
            """
            CREATE TABLE privacy_keys (
                tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
                hash_key TEXT NOT NULL CHECK (length(hash_key) >= 32),
                created_at {bigint} NOT NULL
            )
            """,
            """
            CREATE TABLE suppressions (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                address_hash TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, address_hash)
            )
            """,
            """
            CREATE TABLE erasure_audit (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                contact_id TEXT NOT NULL,
                requested_by TEXT NOT NULL,
                erased_at {bigint} NOT NULL,
                counts TEXT NOT NULL,
                PRIMARY KEY (tenant_id, contact_id)
            )
            """,
            "CREATE INDEX outbox_content_age ON outbox (tenant_id, created_at) WHERE recipient IS NOT NULL OR body IS NOT NULL",
        ])
}
