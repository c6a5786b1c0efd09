extension Migrations {
    /// One row per integration the instance talks to (a sender such as `smtp` or `twilio`, `llm:openai`, `slack`…): when
    /// it last worked, when it last failed and why, and the counts — what `GET /health` and `autopilot health` show,
    /// read in one small query instead of scanning the outbox.
    static let integrationHealth = Migration(
        version: 14, name: "integration_health",
        template: [
            """
            CREATE TABLE integration_health (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                successes {bigint} NOT NULL DEFAULT 0,
                failures {bigint} NOT NULL DEFAULT 0,
                last_success_at {bigint},
                last_error_at {bigint},
                last_error TEXT,
                updated_at {bigint} NOT NULL
            )
            """
        ])
}
