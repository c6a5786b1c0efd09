import AutopilotCore
import Foundation

extension SQLStore {
    public func tenants(withSetting name: String) async throws -> [String] {
        let rows = try await database.read([SQLStatement("SELECT DISTINCT tenant_id FROM tenant_settings WHERE name = ? ORDER BY tenant_id", [.text(name)])])
        return rows[0].compactMap { $0.text(0) }
    }

    public func mailboxPoll(tenantID: String, mailbox: String) async throws -> MailboxPollState? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT uid_validity, last_uid, messages_read, polled_at, last_error FROM mailbox_polls WHERE tenant_id = ? AND mailbox = ?",
                [.text(tenantID), .text(mailbox)])
        ])
        guard let row = rows[0].first else { return nil }
        return MailboxPollState(
            tenantID: tenantID, mailbox: mailbox, uidValidity: UInt32(clamping: row.int(0) ?? 0), lastUID: UInt32(clamping: row.int(1) ?? 0),
            messagesRead: Int(row.int(2) ?? 0), polledAt: row.date(3) ?? .distantPast, lastError: row.text(4))
    }

    public func recordMailboxPoll(_ state: MailboxPollState, read: Int) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.statement(
                SQLStatement(
                    "INSERT INTO mailbox_polls (tenant_id, mailbox, uid_validity, last_uid, messages_read, polled_at, last_error)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (tenant_id, mailbox) DO UPDATE SET"
                        + " last_uid = CASE WHEN mailbox_polls.uid_validity = excluded.uid_validity"
                        + " AND mailbox_polls.last_uid > excluded.last_uid THEN mailbox_polls.last_uid ELSE excluded.last_uid END,"
                        + " uid_validity = excluded.uid_validity, messages_read = mailbox_polls.messages_read + excluded.messages_read,"
                        + " polled_at = excluded.polled_at, last_error = NULL",
                    [
                        .text(state.tenantID), .text(state.mailbox), .integer(Int(state.uidValidity)), .integer(Int(state.lastUID)), .integer(read),
                        .date(state.polledAt),
                    ]))
            return ([write], ())
        }
    }

    public func recordMailboxError(tenantID: String, mailbox: String, error: String, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.statement(
                SQLStatement(
                    "INSERT INTO mailbox_polls (tenant_id, mailbox, uid_validity, last_uid, messages_read, polled_at, last_error)"
                        + " VALUES (?, ?, 0, 0, 0, ?, ?) ON CONFLICT (tenant_id, mailbox) DO UPDATE SET polled_at = excluded.polled_at,"
                        + " last_error = excluded.last_error",
                    [.text(tenantID), .text(mailbox), .date(at), .text(String(error.prefix(1_000)))]))
            return ([write], ())
        }
    }

    public func retrySoftBounce(messageID: String, tenantID: String, reason: String, at: Date) async throws -> Bool {
        let read = SQLStatement(
            "SELECT id FROM outbox WHERE tenant_id = ? AND id = ? AND channel = 'email' AND sent_at IS NOT NULL"
                + " AND (last_error IS NULL OR last_error NOT LIKE 'soft_bounce%')", [.text(tenantID), .text(messageID)])
        return try await database.transaction(lock: nil, reads: [read]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            let update = SQLStatement(
                "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                [
                    .text(MessageStatus.queued.rawValue), .date(at), .text("soft_bounce: " + String(reason.prefix(400))), .date(at), .text(tenantID),
                    .text(messageID),
                ])
            return ([.statement(update)], true)
        }
    }
}
