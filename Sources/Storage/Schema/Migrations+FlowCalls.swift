extension Migrations {
    /// A flow step may place a phone call (`call:`, carried out by the voice agent): `flow_actions.kind` gains `call`.
    /// The table is rebuilt (SQLite cannot change a CHECK), with its indexes.
    static let flowCalls = Migration(
        version: 35, name: "flow_actions_call",
        template: [
            """
            CREATE TABLE flow_actions_v2 (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                idempotency_key TEXT NOT NULL,
                run_id TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('notify', 'webhook', 'task', 'approval', 'update_contact', 'call')),
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'done', 'failed')),
                next_attempt_at {bigint},
                attempts {bigint} NOT NULL DEFAULT 0,
                last_error TEXT,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            """
            INSERT INTO flow_actions_v2 (id, tenant_id, idempotency_key, run_id, flow_id, contact_id, kind, payload, status, next_attempt_at, attempts,
                last_error, created_at, updated_at)
            SELECT id, tenant_id, idempotency_key, run_id, flow_id, contact_id, kind, payload, status, next_attempt_at, attempts, last_error,
                created_at, updated_at FROM flow_actions
            """,
            "DROP TABLE flow_actions",
            "ALTER TABLE flow_actions_v2 RENAME TO flow_actions",
            "CREATE UNIQUE INDEX flow_actions_idempotency ON flow_actions (tenant_id, idempotency_key)",
            "CREATE INDEX flow_actions_due ON flow_actions (next_attempt_at) WHERE next_attempt_at IS NOT NULL",
            "CREATE INDEX flow_actions_open ON flow_actions (tenant_id, kind, status)",
        ])
}
