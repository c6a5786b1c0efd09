extension Migrations {
    /// `messages.kind`: conversation, marketing or transactional, as the message's `message.sent` said (NULL when it did
    /// not: a conversation). The follow-up rules read only conversations. `tenant_settings`: one value per tenant and
    /// name (`recommendations.daily_limit`, `currency`…), as text.
    static let messageKindsAndTenantSettings = Migration(
        version: 18, name: "message_kinds_and_tenant_settings",
        template: [
            "ALTER TABLE messages ADD COLUMN kind TEXT CHECK (kind IN ('conversation', 'marketing', 'transactional'))",
            """
            CREATE TABLE tenant_settings (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL CHECK (length(name) > 0),
                value TEXT NOT NULL,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )
            """,
        ])
}
