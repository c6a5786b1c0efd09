import AutopilotCore
import Foundation

extension SQLStore {
    /// Claims pending actions due at `now` (notifications, webhooks, contact updates) for `lease` seconds.
    public func claimDueActions(now: Date, limit: Int, lease: TimeInterval) async throws -> [FlowActionRecord] {
        let skipLocked = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let claim = SQLStatement(
            "SELECT \(FlowActionRecord.columns.joined(separator: ", ")) FROM flow_actions WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?\(skipLocked)",
            [.date(now), .integer(limit)])
        return try await database.transaction(lock: nil, reads: [claim]) { rows in
            let actions = rows[0].map(FlowActionRecord.init(row:))
            // One statement leases the whole batch (not one an action: on PostgreSQL each is a round trip).
            let writes: [SQLWrite] =
                actions.isEmpty
                ? []
                : [
                    .statement(
                        Self.idList(
                            "UPDATE flow_actions SET next_attempt_at = ?, attempts = attempts + 1 WHERE id", Set(actions.map(\.id)),
                            first: [.date(now.addingTimeInterval(lease))]))
                ]
            return (
                writes,
                actions.map {
                    var action = $0; action.attempts += 1; return action
                }
            )
        }
    }

    /// Saves actions by id (their new status after being carried out or decided).
    public func saveActions(_ actions: [FlowActionRecord]) async throws {
        guard !actions.isEmpty else { return }
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.upsert(table: "flow_actions", columns: FlowActionRecord.columns, key: ["id"], rows: actions.map(\.values))], ())
        }
    }

    /// The tenant's actions of a kind and status (open tasks, pending approvals), newest first.
    public func flowActions(tenantID: String, kind: String, status: String, limit: Int = 500) async throws -> [FlowActionRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(FlowActionRecord.columns.joined(separator: ", ")) FROM flow_actions WHERE tenant_id = ? AND kind = ? AND status = ? ORDER BY created_at DESC LIMIT ?",
                [.text(tenantID), .text(kind), .text(status), .integer(limit)])
        ])
        return rows[0].map(FlowActionRecord.init(row:))
    }

    /// One of the tenant's actions by id.
    public func flowAction(id: String, tenantID: String) async throws -> FlowActionRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(FlowActionRecord.columns.joined(separator: ", ")) FROM flow_actions WHERE tenant_id = ? AND id = ?",
                [.text(tenantID), .text(id)])
        ])
        return rows[0].first.map(FlowActionRecord.init(row:))
    }

    /// The earliest pending action (any tenant), for the simulator's clock.
    public func nextActionDue() async throws -> Date? {
        try await database.read([SQLStatement("SELECT MIN(next_attempt_at) FROM flow_actions WHERE next_attempt_at IS NOT NULL")])[0].first?.date(0)
    }
}
