import AutopilotCore
import Foundation

extension SQLStore {
    /// Flow analytics for a tenant, aggregated by the database in one read transaction (four grouped queries, the same SQL on
    /// SQLite and PostgreSQL). Runs are counted by `started_at`, messages by when they were queued, orders by `placed_at`.
    ///
    /// Attribution: an order of the contact placed at or after a touch on one of the flow's messages (an email opened or
    /// clicked, an SMS or WhatsApp message clicked or delivered) and within that touch's window (``AttributionWindows``)
    /// counts for the flow once, credited to the step of the latest qualifying message (latest touch first, ties broken by
    /// message id).
    public func flowStats(_ query: FlowStatsQuery) async throws -> FlowStatsRecord {
        let rows = try await database.read([
            Self.runCountsStatement(query, dialect: database.dialect), Self.messageCountsStatement(query), Self.blockCountsStatement(query),
            Self.attributionStatement(query),
        ])
        return FlowStatsRecord(
            runs: rows[0].map {
                FlowStatsRecord.RunCount(
                    flowID: $0.text(0) ?? "", step: $0.text(1), status: FlowRunPhase(stored: $0.text(2)), reason: $0.text(3),
                    count: Int($0.int(4) ?? 0))
            },
            messages: rows[1].map(Self.messageCount),
            blocks: rows[2].map {
                FlowStatsRecord.BlockCount(
                    flowID: $0.text(0) ?? "", step: $0.text(1) ?? "", reason: $0.text(2) ?? "", count: Int($0.int(3) ?? 0), sent: $0.int(4) == 1)
            },
            attributions: rows[3].map {
                FlowStatsRecord.Attribution(
                    flowID: $0.text(0) ?? "", step: $0.text(1) ?? "", currency: $0.text(2) ?? "", orders: Int($0.int(3) ?? 0),
                    revenue: $0.double(4) ?? 0)
            })
    }

    /// `AND column = ? AND column >= ? AND column < ?` for the flow and the period, with its binds.
    private static func filter(_ query: FlowStatsQuery, flowColumn: String, timeColumn: String) -> (sql: String, binds: [SQLValue]) {
        var sql = ""
        var binds: [SQLValue] = []
        if let flowID = query.flowID {
            sql += " AND \(flowColumn) = ?"
            binds.append(.text(flowID))
        }
        if let from = query.from {
            sql += " AND \(timeColumn) >= ?"
            binds.append(.date(from))
        }
        if let until = query.until {
            sql += " AND \(timeColumn) < ?"
            binds.append(.date(until))
        }
        return (sql, binds)
    }

    /// Runs by flow, position, status and reason. The position lives in the run's state document (JSON text), read with
    /// each dialect's JSON operator.
    private static func runCountsStatement(_ query: FlowStatsQuery, dialect: SQLDialect) -> SQLStatement {
        let filter = filter(query, flowColumn: "flow_id", timeColumn: "started_at")
        let position =
            switch dialect {
            case .sqlite: "json_extract(state, '$.position')"
            case .postgres: "(state::json ->> 'position')"
            }
        return SQLStatement(
            """
            SELECT flow_id, \(position) AS run_step, status, reason, COUNT(*) FROM flow_runs WHERE tenant_id = ?\(filter.sql)
            GROUP BY flow_id, \(position), status, reason ORDER BY flow_id, status, reason
            """,
            [.text(query.tenantID)] + filter.binds)
    }

    private static func messageCountsStatement(_ query: FlowStatsQuery) -> SQLStatement {
        let filter = filter(query, flowColumn: "o.flow_id", timeColumn: "o.created_at")
        return SQLStatement(
            """
            SELECT o.flow_id, o.step, COUNT(*),
                COUNT(CASE WHEN o.status IN ('queued', 'blocked') THEN 1 END),
                COUNT(CASE WHEN o.status = 'sent' THEN 1 END),
                COUNT(CASE WHEN o.status = 'failed' THEN 1 END),
                COUNT(CASE WHEN o.status = 'skipped' THEN 1 END),
                COUNT(o.blocked_reason),
                COUNT(m.delivered_at), COUNT(COALESCE(m.opened_at, m.clicked_at)), COUNT(m.clicked_at), COUNT(m.replied_at)
            FROM outbox o LEFT JOIN messages m ON m.tenant_id = o.tenant_id AND m.external_id = o.id
            WHERE o.tenant_id = ? AND o.flow_id IS NOT NULL\(filter.sql)
            GROUP BY o.flow_id, o.step ORDER BY o.flow_id, o.step
            """,
            [.text(query.tenantID)] + filter.binds)
    }

    private static func messageCount(_ row: SQLRow) -> FlowStatsRecord.MessageCount {
        var count = FlowStatsRecord.MessageCount(flowID: row.text(0) ?? "", step: row.text(1) ?? "")
        let number = { (index: Int) in Int(row.int(index) ?? 0) }
        count.queued = number(2)
        count.waiting = number(3)
        count.sent = number(4)
        count.failed = number(5)
        count.skipped = number(6)
        count.blocked = number(7)
        count.delivered = number(8)
        count.opened = number(9)
        count.clicked = number(10)
        count.replied = number(11)
        return count
    }

    private static func blockCountsStatement(_ query: FlowStatsQuery) -> SQLStatement {
        let filter = filter(query, flowColumn: "flow_id", timeColumn: "created_at")
        return SQLStatement(
            """
            SELECT flow_id, step, blocked_reason, COUNT(*), CASE WHEN status = '\(MessageStatus.sent.rawValue)' THEN 1 ELSE 0 END AS sent
            FROM outbox
            WHERE tenant_id = ? AND flow_id IS NOT NULL AND blocked_reason IS NOT NULL\(filter.sql)
            GROUP BY flow_id, step, blocked_reason, CASE WHEN status = '\(MessageStatus.sent.rawValue)' THEN 1 ELSE 0 END
            ORDER BY flow_id, step, blocked_reason, sent
            """,
            [.text(query.tenantID)] + filter.binds)
    }

    /// Touches (opens and clicks of a flow's messages, each with its window) joined to the contact's orders placed inside the
    /// window; ranked per flow and order so each order goes to its latest touch once.
    private static func attributionStatement(_ query: FlowStatsQuery) -> SQLStatement {
        var touchFilter = "o.flow_id IS NOT NULL"
        var touchBinds: [SQLValue] = []
        if let flowID = query.flowID {
            touchFilter += " AND o.flow_id = ?"
            touchBinds.append(.text(flowID))
        }
        let touches = attributionTouches(tenantID: query.tenantID, windows: query.windows, outbox: touchFilter, binds: touchBinds)
        var orderQuery = FlowStatsQuery(tenantID: query.tenantID, from: query.from, until: query.until)
        orderQuery.flowID = nil
        let orderFilter = filter(orderQuery, flowColumn: "", timeColumn: "r.placed_at")
        return SQLStatement(
            """
            WITH touches AS (\(touches.sql)),
            matches AS (
                SELECT t.flow_id AS flow_id, t.step AS step, r.id AS order_id, COALESCE(r.currency, '') AS currency,
                    COALESCE(r.total, 0) AS total,
                    ROW_NUMBER() OVER (PARTITION BY t.flow_id, r.id ORDER BY t.touched_at DESC, t.message_id DESC) AS recency
                FROM orders r JOIN touches t ON t.contact_id = r.contact_id
                WHERE r.tenant_id = ? AND r.placed_at IS NOT NULL AND r.status <> 'cancelled'
                    AND t.window_ms > 0 AND r.placed_at >= t.touched_at AND r.placed_at <= t.touched_at + t.window_ms\(orderFilter.sql)
            )
            SELECT flow_id, step, currency, COUNT(*), SUM(total) FROM matches WHERE recency = 1
            GROUP BY flow_id, step, currency ORDER BY flow_id, step, currency
            """,
            touches.binds + [.text(query.tenantID)] + orderFilter.binds)
    }

    /// The touches that may earn an order, as a query for a `WITH touches AS (…)`: each opened, clicked or delivered event
    /// on an outbox message matching `outbox` (a condition on `o`, with its `binds`), with its flow, step, message,
    /// contact, moment and attribution window in milliseconds (0: the touch earns nothing). Flows and broadcasts share it.
    static func attributionTouches(tenantID: String, windows: AttributionWindows, outbox: String, binds: [SQLValue]) -> (
        sql: String, binds: [SQLValue]
    ) {
        func milliseconds(_ window: TimeInterval) -> SQLValue { .int(Int64((window * 1000).rounded())) }
        let sql = """
            SELECT o.flow_id AS flow_id, o.step AS step, o.id AS message_id, o.contact_id AS contact_id, e.occurred_at AS touched_at,
                CASE
                    WHEN o.channel = 'email' AND e.type = 'message.clicked' THEN ?
                    WHEN o.channel = 'email' AND e.type = 'message.opened' THEN ?
                    WHEN o.channel <> 'email' AND e.type = 'message.clicked' THEN ?
                    WHEN o.channel <> 'email' AND e.type = 'message.delivered' THEN ?
                    ELSE 0
                END AS window_ms
            FROM message_events e
            JOIN messages m ON m.id = e.message_id
            JOIN outbox o ON o.tenant_id = m.tenant_id AND o.id = m.external_id
            WHERE e.tenant_id = ? AND e.type IN ('message.clicked', 'message.opened', 'message.delivered') AND \(outbox)
            """
        return (
            sql,
            [milliseconds(windows.emailClick), milliseconds(windows.emailOpen), milliseconds(windows.smsClick), milliseconds(windows.smsDelivery)]
                + [.text(tenantID)] + binds
        )
    }
}
