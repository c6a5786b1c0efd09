import AutopilotCore
import Foundation

extension SQLStore {
    public func followUpData(tenantID: String, horizon: Date, contactID: String?) async throws -> FollowUpData {
        let tenant = SQLValue.text(tenantID), since = SQLValue.date(horizon)
        let candidates: (sql: String, binds: [SQLValue])
        if let contactID {
            candidates = ("SELECT CAST(? AS TEXT) AS contact_id", [.text(contactID)])
        } else {
            candidates = (Self.followUpCandidates, [tenant, since, since, since, tenant, since, tenant, since, tenant])
        }
        func scoped(_ sql: String, _ binds: [SQLValue], column: String = "contact_id", then rest: String = "", _ restBinds: [SQLValue] = [])
            -> SQLStatement
        {
            SQLStatement("\(sql) AND \(column) IN (\(candidates.sql))\(rest)", binds + candidates.binds + restBinds)
        }
        // The candidates drive the contacts read (CROSS JOIN keeps that order on SQLite, which otherwise walks the whole
        // tenant through an index on tenant_id, having no statistics to tell it is the larger side).
        let contactColumns = RecordColumns.contact.map { "c." + $0 }.joined(separator: ", ")
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT \(contactColumns), c.churn_score, c.churn_band, c.clv FROM (\(candidates.sql)) k CROSS JOIN contacts c
                WHERE c.id = k.contact_id AND c.tenant_id = ?
                """, candidates.binds + [tenant]),
            scoped(
                "SELECT contact_id, SUM(total - refunded_amount) FROM orders WHERE tenant_id = ? AND placed_at IS NOT NULL AND status <> 'cancelled'",
                [tenant], then: " GROUP BY contact_id"),
            scoped(
                "SELECT \(RecordColumns.message.joined(separator: ", ")) FROM messages WHERE tenant_id = ? AND (sent_at >= ? OR (sent_at IS NULL AND delivered_at >= ?))",
                [tenant, since, since]),
            scoped(
                "SELECT contact_id, occurred_at, properties FROM events WHERE \(EventsTable.tenantMatch) AND type = 'message.replied' AND occurred_at >= ?",
                [tenant, since]),
            scoped("SELECT contact_id, tier, created_at, score FROM leads WHERE tenant_id = ? AND created_at >= ?", [tenant, since]),
        ])
        var result = FollowUpData()
        let scoreColumn = RecordColumns.contact.count
        for row in rows[0] {
            let contact = RecordColumns.contact(row)
            result.data.contacts.append(contact)
            result.scores[contact.id] = FollowUpData.StoredScores(
                churnScore: row.double(scoreColumn), churnBand: row.text(scoreColumn + 1), lifetimeValue: row.double(scoreColumn + 2))
            if let score = row.double(scoreColumn) { result.data.previousChurn[contact.id] = score }
        }
        for row in rows[1] {
            if let contact = row.text(0) { result.spent[contact] = row.double(1) ?? 0 }
        }
        result.data.messages = rows[2].map(RecordColumns.message)
        result.data.replies = rows[3].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            let properties = row.eventProperties(2)
            let channel = properties["channel"]?.stringValue.flatMap(Channel.init(rawValue:)) ?? .email
            return ScoringData.Reply(contactID: contact, channel: channel, at: at, messageExternalID: properties["message_id"]?.stringValue)
        }
        result.data.leads = rows[4].compactMap { row in
            guard let contact = row.text(0), let at = row.date(2) else { return nil }
            return ScoringData.Lead(contactID: contact, tier: row.text(1), createdAt: at, score: row.double(3))
        }
        return result
    }

    /// The contacts a rule can hold for since the horizon, each part read by an index of the tenant (`leads_created`,
    /// `messages_conversation_sent`, `contacts_churn_band`): a lead who is hot (hot lead waiting) or was written to since
    /// (the message rules read every message of a lead); a conversation message; a critical churn band. Binds: tenant,
    /// horizon three times, tenant and horizon twice, tenant.
    static let followUpCandidates = """
        SELECT l.contact_id FROM leads l WHERE l.tenant_id = ? AND l.created_at >= ? AND l.tier IS NOT NULL
            AND (l.tier = 'hot' OR EXISTS (SELECT 1 FROM messages m WHERE m.tenant_id = l.tenant_id AND m.contact_id = l.contact_id
                AND (m.sent_at >= ? OR (m.sent_at IS NULL AND m.delivered_at >= ?))))
        UNION SELECT contact_id FROM messages WHERE tenant_id = ? AND sent_at >= ? AND COALESCE(kind, 'conversation') = 'conversation'
            AND contact_id IS NOT NULL
        UNION SELECT contact_id FROM messages WHERE tenant_id = ? AND sent_at IS NULL AND delivered_at >= ? AND contact_id IS NOT NULL
            AND COALESCE(kind, 'conversation') = 'conversation'
        UNION SELECT id FROM contacts WHERE tenant_id = ? AND churn_band = 'critical'
        """
}
