extension Migrations {
    /// A/B tests decided in flows: one decision per tenant and flow, with the figures and who decided (issue 16).
    static let flowExperiments = Migration(
        version: 32, name: "flow_split_decisions",
        template: [
            """
            CREATE TABLE flow_split_decisions (
                tenant_id TEXT NOT NULL REFERENCES tenants(id),
                flow_id TEXT NOT NULL,
                winner TEXT NOT NULL CHECK (length(winner) > 0),
                metric TEXT NOT NULL CHECK (metric IN ('conversion', 'click', 'revenue', 'manual')),
                test TEXT NOT NULL,
                p_value double precision,
                confidence double precision,
                figures TEXT NOT NULL DEFAULT '[]',
                decided_by TEXT NOT NULL CHECK (length(decided_by) > 0),
                decided_at {bigint} NOT NULL,
                PRIMARY KEY (tenant_id, flow_id)
            )
            """
        ])
}
