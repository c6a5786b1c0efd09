extension Migrations {
    /// Saved segments and who is in them (issue 16, docs/segments.md). `generation` tells a re-created segment from the one
    /// deleted under the same id (it is part of the announcements' idempotency keys); `filled` is 0 until the first sweep
    /// of a new or edited condition has placed every contact (silently); `sweep_after` is that sweep's position (a contact
    /// id) and `swept_at` when it last finished. A member row stays when the contact leaves (`member` 0), keeping the count
    /// of announced entries and exits. Broadcasts (docs/broadcasts.md) keep their document, status, phase (`test`, `rest`,
    /// `done`), how far the phase's queueing went (`enqueue_after`, a contact id), the throttle's next free moment and the
    /// test's decision; their messages are outbox rows whose `step` is `broadcast:ID` or `broadcast:ID/VARIANT`.
    static let segmentsAndBroadcasts = Migration(
        version: 36, name: "segments_and_broadcasts",
        template: [
            """
            CREATE TABLE segments (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                condition TEXT NOT NULL CHECK (length(condition) BETWEEN 1 AND 4000),
                time_dependent {bigint} NOT NULL CHECK (time_dependent IN (0, 1)),
                generation {bigint} NOT NULL,
                filled {bigint} NOT NULL DEFAULT 0 CHECK (filled IN (0, 1)),
                sweep_after TEXT,
                swept_at {bigint},
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            """
            CREATE TABLE segment_members (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                segment_id TEXT NOT NULL,
                contact_id TEXT NOT NULL REFERENCES contacts(id),
                member {bigint} NOT NULL CHECK (member IN (0, 1)),
                transitions {bigint} NOT NULL CHECK (transitions >= 0),
                changed_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, segment_id, contact_id)
            )
            """,
            "CREATE INDEX segment_members_count ON segment_members (tenant_id, segment_id, member, contact_id)",
            """
            CREATE TABLE broadcasts (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                id TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
                name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                segment_id TEXT NOT NULL,
                channel TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'whatsapp')),
                template TEXT NOT NULL,
                document TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('scheduled', 'testing', 'sending', 'paused', 'cancelled', 'completed')),
                paused_from TEXT,
                phase TEXT NOT NULL CHECK (phase IN ('test', 'rest', 'done')),
                enqueue_after TEXT,
                next_slot {bigint},
                test_ends_at {bigint},
                winner TEXT,
                decision TEXT,
                decided_at {bigint},
                queued {bigint} NOT NULL DEFAULT 0 CHECK (queued >= 0),
                created_at {bigint} NOT NULL,
                updated_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, id)
            )
            """,
            "CREATE INDEX outbox_step ON outbox (tenant_id, step)",
        ])
}
