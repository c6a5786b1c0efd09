import Foundation

extension SQLStore {
    /// Every tenant's activity and the next due moments (`TenantActivity`): one read, and a second one for the roster only
    /// when the state signature moved since `previous`. Each tenant costs the database three index probes (its events after
    /// the router's cursor, a segment, a broadcast under way); only the tenants with work come back.
    public func tenantActivity(after previous: TenantActivity?) async throws -> TenantActivity {
        let rows = try await database.read(
            [
                SQLStatement(
                    """
                    SELECT (SELECT COUNT(*) FROM tenants), (SELECT COUNT(*) FROM tenant_state_versions),
                        (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM tenant_state_versions)
                    """),
                SQLStatement(
                    """
                    SELECT id, unrouted, segments, broadcasts FROM (
                        SELECT t.id,
                            CASE WHEN EXISTS (SELECT 1 FROM events e WHERE e.tenant_key = (SELECT k.tenant_key FROM tenant_keys k WHERE k.tenant_id = t.id) AND e.seq > COALESCE(
                                (SELECT c.position FROM flow_cursors c WHERE c.tenant_id = t.id AND c.name = 'router'), 0)) THEN 1 ELSE 0 END
                                AS unrouted,
                            CASE WHEN EXISTS (SELECT 1 FROM segments s WHERE s.tenant_id = t.id) THEN 1 ELSE 0 END AS segments,
                            CASE WHEN EXISTS (SELECT 1 FROM broadcasts b WHERE b.tenant_id = t.id AND b.status IN ('scheduled', 'testing', 'sending'))
                                THEN 1 ELSE 0 END AS broadcasts
                        FROM tenants t
                    ) flags WHERE unrouted = 1 OR segments = 1 OR broadcasts = 1
                    """),
            ] + Self.dueMomentStatements)
        let signature = TenantActivity.Signature(
            tenants: rows[0].first?.int(0) ?? 0, versions: rows[0].first?.int(1) ?? 0, versionSum: rows[0].first?.int(2) ?? 0)
        var work: [String: TenantActivity.Work] = [:]
        for row in rows[1] {
            work[row.text(0) ?? ""] = TenantActivity.Work(
                hasUnroutedEvents: row.bool(1) ?? true, hasSegments: row.bool(2) ?? true, hasActiveBroadcasts: row.bool(3) ?? true)
        }
        let roster =
            if let previous, previous.roster.signature == signature { previous.roster } else { try await tenantRoster(signature: signature) }
        return TenantActivity(roster: roster, work: work, due: Self.dueMoments(Array(rows[2...])))
    }

    /// Every tenant with its state version. Read after the signature: a change in between only makes the next round read
    /// the roster again.
    private func tenantRoster(signature: TenantActivity.Signature) async throws -> TenantActivity.Roster {
        let rows = try await database.read([
            SQLStatement(
                "SELECT t.id, COALESCE(v.version, 0) FROM tenants t LEFT JOIN tenant_state_versions v ON v.tenant_id = t.id ORDER BY t.created_at, t.id")
        ])
        return TenantActivity.Roster(tenants: rows[0].map { .init(id: $0.text(0) ?? "", stateVersion: $0.int(1) ?? 0) }, signature: signature)
    }
}
