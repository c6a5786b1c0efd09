extension Migrations {
    static let flows = Migration(
        version: 4, name: "flow_runs_outbox_templates",
        template: [
            """
            CREATE TABLE tenant_flows (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                flow_id TEXT NOT NULL,
                enabled {bigint} NOT NULL CHECK (enabled IN (0, 1)),
                version {bigint} NOT NULL,
                settings TEXT NOT NULL DEFAULT '{}',
                paused_reason TEXT,
                paused_at {bigint},
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, flow_id)
            )
            """,
            """
            CREATE TABLE flow_versions (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                flow_id TEXT NOT NULL,
                version {bigint} NOT NULL,
                source TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, flow_id, version)
            )
            """,
            """
            CREATE TABLE flow_runs (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                flow_id TEXT NOT NULL,
                flow_version {bigint} NOT NULL,
                contact_id TEXT NOT NULL,
                trigger_object_id TEXT,
                status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'waiting', 'completed', 'exited', 'skipped')),
                reason TEXT,
                wake_at {bigint},
                started_at {bigint} NOT NULL,
                finished_at {bigint},
                updated_at {bigint} NOT NULL,
                state TEXT NOT NULL
            )
            """,
            "CREATE INDEX flow_runs_due ON flow_runs (wake_at) WHERE wake_at IS NOT NULL",
            "CREATE INDEX flow_runs_contact ON flow_runs (tenant_id, contact_id, flow_id)",
            "CREATE INDEX flow_runs_flow ON flow_runs (tenant_id, flow_id, status)",
            """
            CREATE TABLE flow_cursors (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                position {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, name)
            )
            """,
            """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                idempotency_key TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                run_id TEXT,
                flow_id TEXT,
                step TEXT,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
                template TEXT NOT NULL,
                purpose TEXT NOT NULL CHECK (purpose IN ('marketing', 'transactional')),
                status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'blocked', 'failed', 'skipped')),
                options TEXT NOT NULL DEFAULT '{}',
                scheduled_at {bigint} NOT NULL,
                next_attempt_at {bigint},
                attempts {bigint} NOT NULL DEFAULT 0,
                recipient TEXT,
                locale TEXT,
                subject TEXT,
                body TEXT,
                sender TEXT,
                provider_id TEXT,
                sent_at {bigint},
                blocked_reason TEXT,
                last_error TEXT,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX outbox_idempotency ON outbox (tenant_id, idempotency_key)",
            "CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE next_attempt_at IS NOT NULL",
            "CREATE INDEX outbox_contact ON outbox (contact_id, sent_at)",
            "CREATE INDEX outbox_flow ON outbox (tenant_id, flow_id, status)",
            """
            CREATE TABLE flow_actions (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                idempotency_key TEXT NOT NULL,
                run_id TEXT NOT NULL,
                flow_id TEXT NOT NULL,
                contact_id TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('notify', 'webhook', 'task', 'approval', 'update_contact')),
                payload TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('pending', 'open', 'done', 'failed')),
                next_attempt_at {bigint},
                attempts {bigint} NOT NULL DEFAULT 0,
                last_error TEXT,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX flow_actions_idempotency ON flow_actions (tenant_id, idempotency_key)",
            "CREATE INDEX flow_actions_due ON flow_actions (next_attempt_at) WHERE next_attempt_at IS NOT NULL",
            "CREATE INDEX flow_actions_open ON flow_actions (tenant_id, kind, status)",
            """
            CREATE TABLE templates (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                name TEXT NOT NULL,
                version {bigint} NOT NULL,
                channel TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'archived')),
                generated_by TEXT NOT NULL,
                document TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, name, version)
            )
            """,
            """
            CREATE TABLE coupons (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                code TEXT NOT NULL,
                kind TEXT NOT NULL,
                percent {real} NOT NULL,
                contact_id TEXT NOT NULL,
                message_id TEXT NOT NULL,
                valid_until {bigint},
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, code)
            )
            """,
        ])
}
