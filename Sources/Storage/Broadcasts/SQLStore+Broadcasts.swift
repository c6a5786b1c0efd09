import AutopilotCore
import Foundation

extension SQLStore {
    public func createBroadcast(_ broadcast: BroadcastRecord) async throws -> Bool {
        let read = SQLStatement("SELECT 1 FROM broadcasts WHERE tenant_id = ? AND id = ?", [.text(broadcast.tenantID), .text(broadcast.id)])
        return try await database.transaction(lock: "broadcasts:" + broadcast.tenantID, reads: [read]) { rows in
            guard rows[0].isEmpty else { return ([], false) }
            return ([.insert(table: "broadcasts", columns: BroadcastRecord.columns, rows: [broadcast.values], conflict: "")], true)
        }
    }

    public func broadcasts(tenantID: String) async throws -> [BroadcastRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(BroadcastRecord.columns.joined(separator: ", ")) FROM broadcasts WHERE tenant_id = ? ORDER BY created_at, id", [.text(tenantID)])
        ])
        return rows[0].map(BroadcastRecord.init(row:))
    }

    public func broadcast(tenantID: String, id: String) async throws -> BroadcastRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(BroadcastRecord.columns.joined(separator: ", ")) FROM broadcasts WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])
        ])
        return rows[0].first.map(BroadcastRecord.init(row:))
    }

    public func segmentRecipients(tenantID: String, segmentID: String, after: String?, limit: Int) async throws -> [BroadcastRecipientRow] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT m.contact_id, c.timezone FROM segment_members m JOIN contacts c ON c.id = m.contact_id AND c.tenant_id = m.tenant_id
                WHERE m.tenant_id = ? AND m.segment_id = ? AND m.member = 1 AND m.contact_id > ? ORDER BY m.contact_id LIMIT ?
                """,
                [.text(tenantID), .text(segmentID), .text(after ?? ""), .integer(limit)])
        ])
        return rows[0].map { BroadcastRecipientRow(contactID: $0.text(0) ?? "", timeZone: $0.text(1)) }
    }

    public func queueBroadcastMessages(
        _ messages: [BroadcastMessage], saving broadcast: BroadcastRecord, expected: BroadcastStatus, channelSlot: (name: String, at: Date)?, now: Date
    ) async throws -> Bool {
        let tenant = broadcast.tenantID
        let read = SQLStatement("SELECT status FROM broadcasts WHERE tenant_id = ? AND id = ?", [.text(tenant), .text(broadcast.id)])
        return try await database.transaction(lock: "broadcasts:" + tenant, reads: [read]) { rows in
            guard BroadcastStatus(stored: rows[0].first?.text(0)) == expected else { return ([], false) }
            let outbox = messages.map { message in
                OutboxRecord(
                    id: message.id, tenantID: tenant, idempotencyKey: message.idempotencyKey, contactID: message.contactID, runID: nil, flowID: nil,
                    step: message.step, channel: broadcast.channel, template: message.template, purpose: .marketing, options: message.options,
                    scheduledAt: message.scheduledAt, nextAttemptAt: message.scheduledAt, createdAt: now, updatedAt: now
                ).values
            }
            var writes: [SQLWrite] = []
            if !outbox.isEmpty {
                writes.append(
                    .insert(table: "outbox", columns: OutboxRecord.columns, rows: outbox, conflict: "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING"))
            }
            writes.append(.upsert(table: "broadcasts", columns: BroadcastRecord.columns, key: ["tenant_id", "id"], rows: [broadcast.values]))
            if let channelSlot {
                let position = Int64((channelSlot.at.timeIntervalSince1970 * 1000).rounded())
                writes.append(
                    .upsert(
                        table: "flow_cursors", columns: ["tenant_id", "name", "position"], key: ["tenant_id", "name"],
                        rows: [[.text(tenant), .text(channelSlot.name), .int(position)]]))
            }
            return (writes, true)
        }
    }

    public func updateBroadcast(
        _ broadcast: BroadcastRecord, expected: Set<BroadcastStatus>, messages: BroadcastMessageChange?, steps: [String], now: Date
    ) async throws -> Bool {
        let tenant = SQLValue.text(broadcast.tenantID)
        let read = SQLStatement("SELECT status FROM broadcasts WHERE tenant_id = ? AND id = ?", [tenant, .text(broadcast.id)])
        return try await database.transaction(lock: "broadcasts:" + broadcast.tenantID, reads: [read]) { rows in
            guard let stored = rows[0].first, expected.contains(BroadcastStatus(stored: stored.text(0))) else { return ([], false) }
            var writes: [SQLWrite] = [
                .upsert(table: "broadcasts", columns: BroadcastRecord.columns, key: ["tenant_id", "id"], rows: [broadcast.values])
            ]
            let inSteps = "tenant_id = ? AND step IN \(SQLStatement.placeholders(steps.count))"
            let stepBinds = [tenant] + steps.map { SQLValue.text($0) }
            let unsent = "status IN ('\(MessageStatus.queued.rawValue)', '\(MessageStatus.blocked.rawValue)') AND sent_at IS NULL"
            switch messages {
            case .pause:
                writes.append(
                    .statement(
                        SQLStatement(
                            "UPDATE outbox SET status = '\(MessageStatus.blocked.rawValue)', blocked_reason = 'broadcast_paused', next_attempt_at = NULL, updated_at = ? WHERE \(inSteps) AND \(unsent)",
                            [.date(now)] + stepBinds)))
            case .resume:
                writes.append(
                    .statement(
                        SQLStatement(
                            "UPDATE outbox SET status = '\(MessageStatus.queued.rawValue)', blocked_reason = NULL, next_attempt_at = CASE WHEN scheduled_at > ? THEN scheduled_at ELSE ? END, updated_at = ? WHERE \(inSteps) AND blocked_reason = 'broadcast_paused' AND sent_at IS NULL",
                            [.date(now), .date(now), .date(now)] + stepBinds)))
            case .cancel:
                writes.append(
                    .statement(
                        SQLStatement(
                            "UPDATE outbox SET status = '\(MessageStatus.skipped.rawValue)', blocked_reason = 'broadcast_cancelled', next_attempt_at = NULL, updated_at = ? WHERE \(inSteps) AND \(unsent)",
                            [.date(now)] + stepBinds)))
            case nil:
                break
            }
            return (writes, true)
        }
    }

    public func broadcastFigures(tenantID: String, steps: [String], attributing windows: AttributionWindows?) async throws
        -> [BroadcastStepFigures]
    {
        guard !steps.isEmpty else { return [] }
        let rows = try await database.read(
            [
            SQLStatement(
                """
                SELECT x.step, COUNT(*), COUNT(x.next_attempt_at), COUNT(CASE WHEN x.status = '\(MessageStatus.sent.rawValue)' THEN 1 END),
                    COUNT(CASE WHEN x.status = '\(MessageStatus.blocked.rawValue)' THEN 1 END), COUNT(CASE WHEN x.status = '\(MessageStatus.skipped.rawValue)' THEN 1 END),
                    COUNT(CASE WHEN x.status = '\(MessageStatus.failed.rawValue)' THEN 1 END),
                    COUNT(m.delivered_at), COUNT(COALESCE(m.opened_at, m.clicked_at)), COUNT(m.clicked_at), COUNT(m.replied_at), COUNT(m.bounced_at)
                FROM outbox x LEFT JOIN messages m ON m.tenant_id = x.tenant_id AND m.external_id = x.id
                WHERE x.tenant_id = ? AND x.step IN \(SQLStatement.placeholders(steps.count))
                GROUP BY x.step ORDER BY x.step
                """,
                [.text(tenantID)] + steps.map { .text($0) })
            ] + (windows.map { [Self.broadcastAttribution(tenantID: tenantID, steps: steps, windows: $0)] } ?? []))
        var attributed: [String: (orders: Int, revenue: [String: Double])] = [:]
        for row in rows.count > 1 ? rows[1] : [] {
            let step = row.text(0) ?? ""
            attributed[step, default: (0, [:])].orders += Int(row.int(2) ?? 0)
            attributed[step, default: (0, [:])].revenue[row.text(1) ?? "", default: 0] += row.double(3) ?? 0
        }
        return rows[0].map { row in
            var step = BroadcastStepFigures(step: row.text(0) ?? "")
            var figures = BroadcastFigures()
            let number = { (index: Int) in Int(row.int(index) ?? 0) }
            figures.queued = number(1)
            figures.waiting = number(2)
            figures.sent = number(3)
            figures.blocked = number(4)
            figures.skipped = number(5)
            figures.failed = number(6)
            figures.delivered = number(7)
            figures.opened = number(8)
            figures.clicked = number(9)
            figures.replied = number(10)
            figures.bounced = number(11)
            figures.orders = attributed[step.step]?.orders ?? 0
            figures.revenue = attributed[step.step]?.revenue ?? [:]
            step.figures = figures
            return step
        }
    }

    public func broadcastBlockedReasons(tenantID: String, steps: [String]) async throws -> [String: Int] {
        guard !steps.isEmpty else { return [:] }
        let rows = try await database.read([
            SQLStatement(
                "SELECT blocked_reason, COUNT(*) FROM outbox WHERE tenant_id = ? AND step IN \(SQLStatement.placeholders(steps.count)) AND blocked_reason IS NOT NULL AND status <> '\(MessageStatus.sent.rawValue)' GROUP BY blocked_reason",
                [.text(tenantID)] + steps.map { .text($0) })
        ])
        var reasons: [String: Int] = [:]
        for row in rows[0] { if let reason = row.text(0) { reasons[reason] = Int(row.int(1) ?? 0) } }
        return reasons
    }

    /// The orders a broadcast's steps brought, by step and currency: an order placed within the window of a touch on one of
    /// their messages, credited once, to the latest touch (ties broken by message id) — the flows' rule.
    static func broadcastAttribution(tenantID: String, steps: [String], windows: AttributionWindows) -> SQLStatement {
        let touches = attributionTouches(
            tenantID: tenantID, windows: windows, outbox: "o.step IN \(SQLStatement.placeholders(steps.count))", binds: steps.map { .text($0) })
        return SQLStatement(
            """
            WITH touches AS (\(touches.sql)),
            matches AS (
                SELECT t.step AS step, COALESCE(r.currency, '') AS currency, COALESCE(r.total, 0) AS total,
                    ROW_NUMBER() OVER (PARTITION BY r.id ORDER BY t.touched_at DESC, t.message_id DESC) AS recency
                FROM orders r JOIN touches t ON t.contact_id = r.contact_id
                WHERE r.tenant_id = ? AND r.placed_at IS NOT NULL AND r.status <> 'cancelled'
                    AND t.window_ms > 0 AND r.placed_at >= t.touched_at AND r.placed_at <= t.touched_at + t.window_ms
            )
            SELECT step, currency, COUNT(*), SUM(total) FROM matches WHERE recency = 1 GROUP BY step, currency ORDER BY step, currency
            """,
            touches.binds + [.text(tenantID)])
    }
}
