import AutopilotCore
import Foundation

extension SQLStore {
    /// A flow's latest send outcomes, newest first (true: sent and not bounced; false: failed or bounced), counting
    /// only messages finished at or after `since` (the last resume).
    public func flowOutcomes(tenantID: String, flowID: String, since: Date?, limit: Int) async throws -> [Bool] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT CASE WHEN o.status = 'sent' AND m.bounced_at IS NULL THEN 1 ELSE 0 END FROM outbox o
                LEFT JOIN messages m ON m.tenant_id = o.tenant_id AND m.external_id = o.id
                WHERE o.tenant_id = ? AND o.flow_id = ? AND o.status IN ('sent', 'failed') AND o.updated_at >= ?
                ORDER BY o.updated_at DESC, o.id DESC LIMIT ?
                """, [.text(tenantID), .text(flowID), .date(since ?? .distantPast), .integer(limit)])
        ])
        return rows[0].map { $0.int(0) == 1 }
    }

    /// Pauses a flow for the tenant (new runs wait, its queued messages are held) with the reason shown to people.
    /// Pausing twice keeps the first pause.
    public func pauseFlow(tenantID: String, flowID: String, version: Int, reason: String, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let columns = TenantFlowRecord.columns
            let row = TenantFlowRecord(
                tenantID: tenantID, flowID: flowID, enabled: true, version: version, pausedReason: reason, pausedAt: at, updatedAt: at)
            return (
                [
                    .insert(
                        table: "tenant_flows", columns: columns, rows: [row.values],
                        conflict: """
                            ON CONFLICT (tenant_id, flow_id) DO UPDATE SET paused_reason = COALESCE(tenant_flows.paused_reason, excluded.paused_reason), \
                            paused_at = COALESCE(tenant_flows.paused_at, excluded.paused_at), updated_at = excluded.updated_at
                            """)
                ], ()
            )
        }
    }

    /// Resumes a paused flow: clears the pause and makes its held messages due now, so the dispatcher checks each one
    /// again with the sending policy. Returns how many messages were released.
    @discardableResult
    public func resumeFlow(tenantID: String, flowID: String, at: Date) async throws -> Int {
        let held = SQLStatement(
            "SELECT COUNT(*) FROM outbox WHERE tenant_id = ? AND flow_id = ? AND status = 'blocked' AND blocked_reason = 'flow_paused'",
            [.text(tenantID), .text(flowID)])
        return try await database.transaction(lock: nil, reads: [held]) { rows in
            let count = Int(rows[0].first?.int(0) ?? 0)
            return (
                [
                    .statement(
                        SQLStatement(
                            "UPDATE tenant_flows SET paused_reason = NULL, paused_at = NULL, updated_at = ? WHERE tenant_id = ? AND flow_id = ?",
                            [.date(at), .text(tenantID), .text(flowID)])),
                    .statement(
                        SQLStatement(
                            """
                            UPDATE outbox SET status = 'queued', next_attempt_at = ?, updated_at = ?
                            WHERE tenant_id = ? AND flow_id = ? AND status = 'blocked' AND blocked_reason = 'flow_paused'
                            """, [.date(at), .date(at), .text(tenantID), .text(flowID)])),
                ], count
            )
        }
    }
}
