extension Migrations {
    /// The team's assistant MAX: conversations per tenant and owner (a dashboard user or an API key) with the agent's
    /// conversation as JSON, their messages in order (a client's message id is unique per tenant, so a retried post never
    /// adds a turn twice), and the drafts — actions that change something — waiting for a person to confirm or decline.
    static let assistant = Migration(
        version: 29, name: "assistant_conversations",
        template: [
            """
            CREATE TABLE assistant_conversations (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                owner TEXT NOT NULL CHECK (length(owner) > 0),
                title TEXT NOT NULL,
                language TEXT NOT NULL CHECK (language IN ('fr', 'en')),
                state TEXT NOT NULL,
                last_seq {bigint} NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX assistant_conversations_owner ON assistant_conversations (tenant_id, owner, updated_at)",
            """
            CREATE TABLE assistant_messages (
                id TEXT NOT NULL UNIQUE,
                conversation_id TEXT NOT NULL REFERENCES assistant_conversations(id),
                seq {bigint} NOT NULL CHECK (seq > 0),
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
                text TEXT NOT NULL,
                client_message_id TEXT,
                details TEXT NOT NULL DEFAULT '{}',
                cost_usd {real} NOT NULL DEFAULT 0 CHECK (cost_usd >= 0),
                created_at {bigint} NOT NULL,
                PRIMARY KEY (conversation_id, seq)
            )
            """,
            "CREATE UNIQUE INDEX assistant_messages_client ON assistant_messages (tenant_id, client_message_id)",
            """
            CREATE TABLE assistant_drafts (
                conversation_id TEXT NOT NULL REFERENCES assistant_conversations(id),
                call_id TEXT NOT NULL,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                tool TEXT NOT NULL,
                arguments TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'confirmed', 'declined', 'failed')),
                result TEXT,
                created_at {bigint} NOT NULL,
                decided_at {bigint},
                decided_by TEXT,
                PRIMARY KEY (conversation_id, call_id)
            )
            """,
            "CREATE INDEX assistant_drafts_tenant ON assistant_drafts (tenant_id, status)",
        ])
}
