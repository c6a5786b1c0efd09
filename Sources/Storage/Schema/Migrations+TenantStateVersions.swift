extension Migrations {
    /// A version per tenant of what the worker keeps in memory between rounds (settings, flows and their versions, split
    /// decisions), moved on by the database itself on every insert, update and delete of those rows — whichever process
    /// wrote them (`serve`, another worker, the command line). The worker reads every tenant's version in one query per
    /// round and reloads only the tenants whose version moved (docs/tenants.md).
    static let tenantStateVersions = Migration(
        version: 44, name: "tenant_state_versions",
        template: [
            """
            CREATE TABLE tenant_state_versions (
                tenant_id TEXT PRIMARY KEY,
                version {bigint} NOT NULL
            )
            """
        ],
        dialectOnly: [
            .sqlite: watchedTables.flatMap { table in
                [("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")].map { operation, row in
                    """
                    CREATE TRIGGER \(table)_state_\(operation.lowercased()) AFTER \(operation) ON \(table) BEGIN
                        INSERT INTO tenant_state_versions (tenant_id, version) VALUES (\(row).tenant_id, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET version = version + 1;
                    END
                    """
                }
            },
            .postgres: [
                """
                CREATE FUNCTION tenant_state_touched() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    touched TEXT;
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        touched := OLD.tenant_id;
                    ELSE
                        touched := NEW.tenant_id;
                    END IF;
                    INSERT INTO tenant_state_versions (tenant_id, version) VALUES (touched, 1)
                    ON CONFLICT (tenant_id) DO UPDATE SET version = tenant_state_versions.version + 1;
                    RETURN NULL;
                END
                $$
                """
            ]
                + watchedTables.map { table in
                    "CREATE TRIGGER \(table)_state AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION tenant_state_touched()"
                },
        ])

    /// The tables a tenant's flow catalog is read from (`FlowCatalog.load`).
    static let watchedTables = ["tenant_settings", "tenant_flows", "flow_versions", "flow_split_decisions"]
}
