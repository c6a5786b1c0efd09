import AutopilotCore
import Foundation

extension SQLStore {
    public func scoringData(tenantID: String, ticketsSince: Date) async throws -> ScoringData {
        let tenant = SQLValue.text(tenantID)
        let rows = try await database.read([
            SQLStatement("SELECT \(RecordColumns.contact.joined(separator: ", ")), churn_score FROM contacts WHERE tenant_id = ?", [tenant]),
            SQLStatement(
                "SELECT contact_id, placed_at, total - refunded_amount FROM orders WHERE tenant_id = ? AND placed_at IS NOT NULL AND status <> 'cancelled' AND contact_id IS NOT NULL",
                [tenant]),
            SQLStatement("SELECT \(RecordColumns.message.joined(separator: ", ")) FROM messages WHERE tenant_id = ?", [tenant]),
            SQLStatement("SELECT contact_id, occurred_at, properties FROM events WHERE tenant_id = ? AND type = 'message.replied' AND contact_id IS NOT NULL", [tenant]),
            SQLStatement(
                "SELECT contact_id, occurred_at FROM events WHERE tenant_id = ? AND type = 'support.ticket_created' AND contact_id IS NOT NULL AND occurred_at >= ?",
                [tenant, .date(ticketsSince)]),
            SQLStatement("SELECT contact_id, tier, created_at FROM leads WHERE tenant_id = ?", [tenant]),
        ])
        var data = ScoringData()
        let churnColumn = RecordColumns.contact.count
        for row in rows[0] {
            let contact = RecordColumns.contact(row)
            data.contacts.append(contact)
            if let score = row.double(churnColumn) { data.previousChurn[contact.id] = score }
        }
        data.orders = rows[1].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            return ScoringData.Order(contactID: contact, placedAt: at, amount: row.double(2) ?? 0)
        }
        data.messages = rows[2].map(RecordColumns.message)
        data.replies = rows[3].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            let properties = row.json(2)
            let channel = properties["channel"]?.stringValue.flatMap(Channel.init(rawValue:)) ?? .email
            return ScoringData.Reply(contactID: contact, channel: channel, at: at, messageExternalID: properties["message_id"]?.stringValue)
        }
        for row in rows[4] {
            if let contact = row.text(0), let at = row.date(1) { data.ticketDates[contact, default: []].append(at) }
        }
        data.leads = rows[5].compactMap { row in
            guard let contact = row.text(0), let at = row.date(2) else { return nil }
            return ScoringData.Lead(contactID: contact, tier: row.text(1), createdAt: at)
        }
        return data
    }

    public func recordScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws {
        guard !scores.isEmpty else { return }
        try await database.transaction(lock: nil, reads: []) { _ in
            let statement = "UPDATE contacts SET churn_score = ?, churn_band = ?, rfm_segment = ?, clv = ?, p_alive = ?, scored_at = ? WHERE tenant_id = ? AND id = ?"
            let writes = scores.map { score in
                SQLWrite.statement(
                    SQLStatement(
                        statement,
                        [
                            .double(score.churnScore), .text(score.churnBand), .text(score.rfmSegment), .double(score.clv), .double(score.probabilityAlive),
                            .date(scoredAt), .text(tenantID), .text(score.contactID),
                        ]))
            }
            return (writes, ())
        }
    }

    public func recommendationDecisions(tenantID: String) async throws -> [StoredRecommendationDecision] {
        let rows = try await database.read([
            SQLStatement("SELECT recommendation_id, contact_id, status, until_at, decided_at FROM recommendation_decisions WHERE tenant_id = ?", [.text(tenantID)])
        ])
        return rows[0].map {
            StoredRecommendationDecision(
                recommendationID: $0.text(0) ?? "", contactID: $0.text(1), status: $0.text(2) ?? "dismissed", until: $0.date(3),
                decidedAt: $0.date(4) ?? .distantPast)
        }
    }

    public func saveRecommendationDecision(_ decision: StoredRecommendationDecision, tenantID: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let row: [SQLValue] = [
                .text(tenantID), .text(decision.recommendationID), .text(decision.contactID), .text(decision.status), .date(decision.until),
                .date(decision.decidedAt),
            ]
            let write = SQLWrite.upsert(
                table: "recommendation_decisions", columns: ["tenant_id", "recommendation_id", "contact_id", "status", "until_at", "decided_at"],
                key: ["tenant_id", "recommendation_id"], rows: [row])
            return ([write], ())
        }
    }
}
