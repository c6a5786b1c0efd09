extension Migrations {
    /// Work for a person: a callback booked in a slot, a support ticket, a conversation handed off. One open callback per
    /// slot (a partial unique index), one task per idempotency key.
    static let tasks = Migration(
        version: 27, name: "tasks",
        template: [
            """
            CREATE TABLE tasks (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                idempotency_key TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('callback', 'support_ticket', 'hand_off')),
                status TEXT NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
                contact_id TEXT REFERENCES contacts(id),
                contact_name TEXT,
                contact_email TEXT,
                contact_phone TEXT,
                subject TEXT NOT NULL CHECK (length(subject) > 0),
                details TEXT NOT NULL DEFAULT '',
                due_at {bigint},
                conversation_id TEXT,
                created_by TEXT NOT NULL CHECK (length(created_by) > 0),
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                closed_at {bigint},
                CHECK (kind <> 'callback' OR due_at IS NOT NULL)
            )
            """,
            "CREATE UNIQUE INDEX tasks_idempotency ON tasks (tenant_id, idempotency_key)",
            "CREATE UNIQUE INDEX tasks_callback_slot ON tasks (tenant_id, due_at) WHERE kind = 'callback' AND status = 'open'",
            "CREATE INDEX tasks_status_created ON tasks (tenant_id, status, created_at)",
            "CREATE INDEX tasks_contact ON tasks (tenant_id, contact_id)",
        ])
}
