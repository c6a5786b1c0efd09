import AutopilotCore
import Foundation

extension SQLStore {
    /// One grouped query: each run that entered the flow (skipped runs excluded) with its group and variant (read from its
    /// state document), its orders placed within the conversion window after it entered (not cancelled) and its messages'
    /// sends, opens and clicks; summed per group and variant. The same rule counts both groups.
    public func flowExperiment(_ query: FlowExperimentQuery) async throws -> FlowExperimentRecord {
        let (group, variant) =
            switch database.dialect {
            case .sqlite: ("COALESCE(json_extract(r.state, '$.group'), 'treatment')", "json_extract(r.state, '$.variant')")
            case .postgres: ("COALESCE(r.state::json ->> 'group', 'treatment')", "(r.state::json ->> 'variant')")
            }
        var period = ""
        var periodBinds: [SQLValue] = []
        if let from = query.from {
            period += " AND r.started_at >= ?"
            periodBinds.append(.date(from))
        }
        if let until = query.until {
            period += " AND r.started_at < ?"
            periodBinds.append(.date(until))
        }
        let window = Int64((query.conversionWindow * 1000).rounded())
        let statement = SQLStatement(
            """
            WITH entrants AS (
                SELECT r.id AS run_id, r.contact_id AS contact_id, r.started_at AS entered_at, \(group) AS grp, \(variant) AS variant
                FROM flow_runs r
                WHERE r.tenant_id = ? AND r.flow_id = ? AND r.status <> '\(FlowRunPhase.skipped.rawValue)'\(period)
            ),
            conversions AS (
                SELECT e.run_id AS run_id, COUNT(o.id) AS orders, SUM(COALESCE(o.total, 0)) AS total
                FROM entrants e JOIN orders o ON o.tenant_id = ? AND o.contact_id = e.contact_id
                WHERE o.placed_at IS NOT NULL AND o.status <> 'cancelled' AND o.placed_at > e.entered_at AND o.placed_at <= e.entered_at + ?
                GROUP BY e.run_id
            ),
            engagement AS (
                SELECT x.run_id AS run_id, COUNT(CASE WHEN x.status = '\(MessageStatus.sent.rawValue)' THEN 1 END) AS sends,
                    COUNT(COALESCE(m.opened_at, m.clicked_at)) AS opens, COUNT(m.clicked_at) AS clicks
                FROM outbox x LEFT JOIN messages m ON m.tenant_id = x.tenant_id AND m.external_id = x.id
                WHERE x.tenant_id = ? AND x.flow_id = ? AND x.run_id IS NOT NULL
                GROUP BY x.run_id
            )
            SELECT e.grp, e.variant, COUNT(*), CAST(COALESCE(SUM(g.sends), 0) AS BIGINT),
                COUNT(CASE WHEN g.opens > 0 THEN 1 END), COUNT(CASE WHEN g.clicks > 0 THEN 1 END),
                COUNT(CASE WHEN c.orders > 0 THEN 1 END), CAST(COALESCE(SUM(c.total), 0) AS DOUBLE PRECISION),
                CAST(COALESCE(SUM(c.total * c.total), 0) AS DOUBLE PRECISION)
            FROM entrants e LEFT JOIN conversions c ON c.run_id = e.run_id LEFT JOIN engagement g ON g.run_id = e.run_id
            GROUP BY e.grp, e.variant ORDER BY e.grp, e.variant
            """,
            [.text(query.tenantID), .text(query.flowID)] + periodBinds + [.text(query.tenantID), .int(window), .text(query.tenantID), .text(query.flowID)])
        let rows = try await database.read([statement])
        return FlowExperimentRecord(
            cells: rows[0].map { row in
                var cell = FlowExperimentRecord.Cell(group: row.text(0) ?? "treatment", variant: row.text(1))
                let number = { (index: Int) in Int(row.int(index) ?? 0) }
                cell.entrants = number(2)
                cell.sends = number(3)
                cell.openers = number(4)
                cell.clickers = number(5)
                cell.conversions = number(6)
                cell.revenue = row.double(7) ?? 0
                cell.revenueSquares = row.double(8) ?? 0
                return cell
            })
    }

    public func splitDecisions(tenantID: String) async throws -> [SplitDecisionRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(SplitDecisionRecord.columns.joined(separator: ", ")) FROM flow_split_decisions WHERE tenant_id = ? ORDER BY flow_id",
                [.text(tenantID)])
        ])
        return rows[0].map(SplitDecisionRecord.init(row:))
    }

    @discardableResult
    public func recordSplitDecision(_ decision: SplitDecisionRecord) async throws -> Bool {
        let values = decision.values
        return try await database.transaction(
            lock: nil,
            reads: [
                SQLStatement(
                    "SELECT winner FROM flow_split_decisions WHERE tenant_id = ? AND flow_id = ?", [.text(decision.tenantID), .text(decision.flowID)])
            ]
        ) { rows in
            guard rows[0].isEmpty else { return ([], false) }
            return (
                [.insert(table: "flow_split_decisions", columns: SplitDecisionRecord.columns, rows: [values], conflict: "ON CONFLICT DO NOTHING")],
                true
            )
        }
    }
}
