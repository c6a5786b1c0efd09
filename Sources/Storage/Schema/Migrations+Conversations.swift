extension Migrations {
    /// The visitors' chat: widget keys (public, one tenant each, limited to its allowed origins), conversations (the
    /// agent's state as JSON, open, handed off to a person or closed) and their messages, in order. A client's message id
    /// is unique within a conversation, so a retried post never adds a message twice.
    static let conversations = Migration(
        version: 28, name: "chat_conversations",
        template: [
            """
            CREATE TABLE widget_keys (
                key TEXT PRIMARY KEY CHECK (length(key) >= 20),
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                origins TEXT NOT NULL,
                qualifies_leads {bigint} NOT NULL CHECK (qualifies_leads IN (0, 1)),
                created_at {bigint} NOT NULL,
                revoked_at {bigint}
            )
            """,
            "CREATE INDEX widget_keys_tenant ON widget_keys (tenant_id, created_at)",
            """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                widget_key TEXT REFERENCES widget_keys(key),
                visitor_id TEXT NOT NULL CHECK (length(visitor_id) > 0),
                contact_id TEXT REFERENCES contacts(id),
                language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
                state TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'handed_off', 'closed')),
                last_seq {bigint} NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX conversations_tenant ON conversations (tenant_id, status, updated_at)",
            "CREATE INDEX conversations_contact ON conversations (tenant_id, contact_id)",
            """
            CREATE TABLE conversation_messages (
                id TEXT NOT NULL UNIQUE,
                conversation_id TEXT NOT NULL REFERENCES conversations(id),
                seq {bigint} NOT NULL CHECK (seq > 0),
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                role TEXT NOT NULL CHECK (role IN ('visitor', 'agent', 'team')),
                text TEXT NOT NULL,
                client_message_id TEXT,
                sentiment {real},
                created_at {bigint} NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            )
            """,
            "CREATE UNIQUE INDEX conversation_messages_client ON conversation_messages (conversation_id, client_message_id)",
        ])
}
