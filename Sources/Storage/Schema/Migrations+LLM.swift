extension Migrations {
    /// Language-model accounting: one row per call attempt (what the monthly budget sums), and which provider and model
    /// wrote a generated text (a template draft, a personalised message) that a person or a customer may read.
    static let llmCalls = Migration(
        version: 9, name: "llm_calls",
        template: [
            """
            CREATE TABLE llm_calls (
                id {seq},
                tenant_id TEXT NOT NULL,
                feature TEXT NOT NULL,
                provider TEXT NOT NULL,
                model TEXT NOT NULL,
                input_tokens {bigint} NOT NULL CHECK (input_tokens >= 0),
                output_tokens {bigint} NOT NULL CHECK (output_tokens >= 0),
                cost_usd {real} NOT NULL CHECK (cost_usd >= 0),
                latency_ms {real} NOT NULL CHECK (latency_ms >= 0),
                outcome TEXT NOT NULL CHECK (length(outcome) > 0),
                http_status {bigint},
                called_at {bigint} NOT NULL
            )
            """,
            "CREATE INDEX llm_calls_tenant_month ON llm_calls (tenant_id, called_at)",
            """
            CREATE TABLE generated_texts (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                subject TEXT NOT NULL,
                feature TEXT NOT NULL,
                provider TEXT NOT NULL,
                model TEXT NOT NULL,
                prompt TEXT NOT NULL,
                details TEXT NOT NULL,
                created_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, subject)
            )
            """,
        ])
}
