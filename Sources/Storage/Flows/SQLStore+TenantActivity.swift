import Foundation

extension SQLStore {
    /// Every tenant's activity and the next due moments, in one read (`TenantActivity`). Each tenant costs three index
    /// probes: its events after the router's cursor, a segment, a broadcast under way.
    public func tenantActivity() async throws -> TenantActivity {
        let rows = try await database.read(
            [
                SQLStatement(
                    """
                    SELECT t.id, COALESCE(v.version, 0),
                        CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.tenant_id = t.id AND e.seq > COALESCE(
                            (SELECT c.position FROM flow_cursors c WHERE c.tenant_id = t.id AND c.name = 'router'), 0)) THEN 1 ELSE 0 END,
                        CASE WHEN EXISTS (SELECT 1 FROM segments s WHERE s.tenant_id = t.id) THEN 1 ELSE 0 END,
                        CASE WHEN EXISTS (SELECT 1 FROM broadcasts b WHERE b.tenant_id = t.id AND b.status IN ('scheduled', 'testing', 'sending'))
                            THEN 1 ELSE 0 END
                    FROM tenants t LEFT JOIN tenant_state_versions v ON v.tenant_id = t.id
                    ORDER BY t.created_at, t.id
                    """)
            ] + Self.dueMomentStatements)
        let tenants = rows[0].map { row in
            TenantActivity.Tenant(
                id: row.text(0) ?? "", stateVersion: row.int(1) ?? 0, hasUnroutedEvents: row.bool(2) ?? true, hasSegments: row.bool(3) ?? true,
                hasActiveBroadcasts: row.bool(4) ?? true)
        }
        return TenantActivity(tenants: tenants, due: Self.dueMoments(Array(rows[1...])))
    }
}
