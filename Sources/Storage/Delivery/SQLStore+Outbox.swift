import AutopilotCore
import Foundation

extension SQLStore {
    /// Claims up to `limit` outbox messages due at `now` (any tenant) for `lease` seconds: another worker will not take them
    /// meanwhile, and if this one dies they come back when the lease ends. Returns them with their recipients' facts.
    public func claimDueMessages(now: Date, limit: Int, lease: TimeInterval) async throws -> [DispatchItem] {
        let skipLocked = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let claim = SQLStatement(
            "SELECT \(OutboxRecord.columns.joined(separator: ", ")) FROM outbox WHERE next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?\(skipLocked)",
            [.date(now), .integer(limit)])
        let context: @Sendable ([[SQLRow]]) throws -> [SQLStatement] = { rows in
            let contacts = Set(rows[0].compactMap { $0.text(3) })
            guard !contacts.isEmpty else { return [] }
            let since = SQLValue.date(now.addingTimeInterval(-7 * 86_400))
            return [
                Self.idList("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE id", contacts),
                Self.idList(
                    "SELECT contact_id, channel, purpose, sent_at FROM outbox WHERE status = ? AND sent_at >= ? AND contact_id", contacts,
                    first: [.text(MessageStatus.sent.rawValue), since]),
                Self.idList("SELECT DISTINCT contact_id FROM messages WHERE channel = 'email' AND bounced_at IS NOT NULL AND contact_id", contacts),
                Self.idList("SELECT DISTINCT contact_id FROM leads WHERE contact_id", contacts),
            ]
        }
        return try await database.transaction(lock: nil, reads: [claim], followUps: [context]) { rows in
            let messages = rows[0].map { OutboxRecord(row: $0) }
            guard !messages.isEmpty else { return ([], []) }
            var contacts: [String: ContactRecord] = [:]
            for row in rows[1] { let contact = RecordColumns.contact(row); contacts[contact.id] = contact }
            var sends: [String: [(channel: Channel, purpose: MessagePurpose, sentAt: Date)]] = [:]
            for row in rows[2] {
                guard let contact = row.text(0), let channel = Channel(rawValue: row.text(1) ?? ""), let at = row.date(3) else { continue }
                sends[contact, default: []].append((channel, MessagePurpose(rawValue: row.text(2) ?? "") ?? .marketing, at))
            }
            let bounced = Set(rows[3].compactMap { $0.text(0) })
            let leads = Set(rows[4].compactMap { $0.text(0) })
            // One statement leases the whole batch (not one a message: on PostgreSQL each is a round trip).
            let leases = [
                SQLWrite.statement(
                    Self.idList(
                        "UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1 WHERE id", Set(messages.map(\.id)),
                        first: [.date(now.addingTimeInterval(lease))]))
            ]
            let items = messages.map { message in
                var claimed = message
                claimed.attempts += 1
                return DispatchItem(
                    message: claimed, contact: contacts[message.contactID], recentSends: sends[message.contactID] ?? [],
                    emailHardBounced: bounced.contains(message.contactID), isLead: leads.contains(message.contactID))
            }
            return (leases, items)
        }
    }

    /// Records what became of dispatched messages (the whole row, by id) and any coupons issued for them, and renews the
    /// lease of the messages still held (only those still queued: a message cancelled meanwhile stays cancelled).
    public func recordDispatch(_ messages: [OutboxRecord], coupons: [CouponRecord], renewing lease: OutboxLease?) async throws {
        let held = lease.map { Set($0.messageIDs) } ?? []
        guard !messages.isEmpty || !held.isEmpty else { return }
        try await database.transaction(lock: nil, reads: []) { _ in
            var writes: [SQLWrite] = []
            if !messages.isEmpty {
                writes.append(.upsert(table: "outbox", columns: OutboxRecord.columns, key: ["id"], rows: messages.map(\.values)))
            }
            if !coupons.isEmpty {
                writes.append(
                    .insert(
                        table: "coupons", columns: CouponRecord.columns, rows: coupons.map(\.values),
                        conflict: "ON CONFLICT (tenant_id, code) DO UPDATE SET shop = excluded.shop, shop_coupon_id = excluded.shop_coupon_id, "
                            + "shop_note = excluded.shop_note"))
            }
            if let lease, !held.isEmpty {
                writes.append(
                    .statement(
                        Self.idList(
                            "UPDATE outbox SET next_attempt_at = ? WHERE status = ? AND next_attempt_at IS NOT NULL AND id", held,
                            first: [.date(lease.until), .text(MessageStatus.queued.rawValue)])))
            }
            return (writes, ())
        }
    }

    /// The earliest moment an outbox message is due (any tenant), for the simulator's clock.
    public func nextMessageDue() async throws -> Date? {
        try await database.read([SQLStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE next_attempt_at IS NOT NULL")])[0].first?.date(0)
    }

    /// The tenant's outbox messages, optionally for one contact, in the order they were scheduled.
    public func outboxMessages(tenantID: String, contactID: String? = nil, limit: Int = 10_000) async throws -> [ListedMessage] {
        var sql = """
            SELECT \(OutboxRecord.columns.map { "o." + $0 }.joined(separator: ", ")), c.email, m.status
            FROM outbox o LEFT JOIN contacts c ON c.id = o.contact_id LEFT JOIN messages m ON m.tenant_id = o.tenant_id AND m.external_id = o.id
            WHERE o.tenant_id = ?
            """
        var binds: [SQLValue] = [.text(tenantID)]
        if let contactID {
            sql += " AND o.contact_id = ?"
            binds.append(.text(contactID))
        }
        sql += " ORDER BY o.scheduled_at, o.id LIMIT ?"
        binds.append(.integer(limit))
        let rows = try await database.read([SQLStatement(sql, binds)])
        let width = OutboxRecord.columns.count
        return rows[0].map { row in
            ListedMessage(message: OutboxRecord(row: row), contactEmail: row.text(width), timelineStatus: row.text(width + 1))
        }
    }

    /// `sql IN (…)` over ids, after optional leading parameters.
    static func idList(_ sql: String, _ values: Set<String>, first: [SQLValue] = [], closing: String = "") -> SQLStatement {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return SQLStatement(sql + " IN (NULL)" + closing, first) }
        return SQLStatement(sql + " IN " + SQLStatement.placeholders(sorted.count) + closing, first + sorted.map { .text($0) })
    }

    /// Outbox messages of a tenant by status (for reports and the benchmark), without loading them.
    public func outboxStatusCounts(tenantID: String) async throws -> [String: Int] {
        let rows = try await database.read([
            SQLStatement("SELECT status, COUNT(*) FROM outbox WHERE tenant_id = ? GROUP BY status", [.text(tenantID)])
        ])
        var counts: [String: Int] = [:]
        for row in rows[0] { if let status = row.text(0) { counts[status] = Int(row.int(1) ?? 0) } }
        return counts
    }
}
