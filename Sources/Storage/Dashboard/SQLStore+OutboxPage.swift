import AutopilotCore
import Foundation

extension SQLStore {
    public func outboxPage(_ query: OutboxPageQuery) async throws -> [OutboxListing] {
        var clauses = ["o.tenant_id = ?"]
        var binds: [SQLValue] = [.text(query.tenantID)]
        if let flow = query.flowID {
            clauses.append("o.flow_id = ?")
            binds.append(.text(flow))
        }
        if let channel = query.channel {
            clauses.append("o.channel = ?")
            binds.append(.text(channel))
        }
        if !query.statuses.isEmpty {
            clauses.append("o.status IN (" + query.statuses.map { _ in "?" }.joined(separator: ", ") + ")")
            binds += query.statuses.map { SQLValue.text($0) }
        }
        if let email = query.contactEmail {
            clauses.append("o.contact_id IN (SELECT id FROM contacts WHERE tenant_id = ? AND email = ?)")
            binds += [.text(query.tenantID), .text(email)]
        }
        binds += [.integer(max(query.limit, 0)), .integer(max(query.offset, 0))]
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT o.id, o.flow_id, o.step, o.channel, o.template, o.status, o.blocked_reason, o.last_error, o.recipient, o.contact_id,
                       c.email, o.subject, o.scheduled_at, o.next_attempt_at, o.sent_at, o.created_at, o.options
                FROM outbox o LEFT JOIN contacts c ON c.id = o.contact_id AND c.tenant_id = o.tenant_id
                WHERE \(clauses.joined(separator: " AND "))
                ORDER BY o.created_at DESC, o.id DESC LIMIT ? OFFSET ?
                """, binds)
        ])
        return rows[0].map { row in
            OutboxListing(
                id: row.text(0) ?? "", flowID: row.text(1), step: row.text(2), channel: row.text(3) ?? "", template: row.text(4) ?? "",
                status: row.text(5) ?? "", blockedReason: row.text(6), lastError: row.text(7), recipient: row.text(8), contactID: row.text(9) ?? "",
                contactEmail: row.text(10), subject: row.text(11), scheduledAt: row.date(12) ?? Date(timeIntervalSince1970: 0),
                nextAttemptAt: row.date(13), sentAt: row.date(14), createdAt: row.date(15) ?? Date(timeIntervalSince1970: 0),
                couponNote: row.text(16).flatMap { MessageOptions(json: $0).couponNote },
                lawfulBasis: row.text(16).flatMap { MessageOptions(json: $0).lawfulBasis })
        }
    }
}
