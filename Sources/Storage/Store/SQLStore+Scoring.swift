import AutopilotCore
import Foundation

extension SQLStore {
    public func scoringData(tenantID: String, ticketsSince: Date) async throws -> ScoringData {
        try await scoringData(tenantID: tenantID, ticketsSince: ticketsSince, contactIDs: nil)
    }

    /// The scoring data of some contacts only (every contact when `contactIDs` is nil).
    public func scoringData(tenantID: String, ticketsSince: Date, contactIDs: Set<String>?) async throws -> ScoringData {
        try await scoringData(tenantID: tenantID, ticketsSince: ticketsSince, contactIDs: contactIDs, scope: .everything)
    }

    /// The scoring data `scope` needs: `.scores` reads each contact's identity and locale only (no consents, no
    /// attributes), the emails opened or clicked only, and no replies or leads.
    public func scoringData(tenantID: String, ticketsSince: Date, contactIDs: Set<String>?, scope: ScoringScope) async throws -> ScoringData {
        try await scoringData(tenantID: tenantID, ticketsSince: ticketsSince, selection: contactIDs.map { .ids($0) } ?? .all, scope: scope)
    }

    func scoringData(tenantID: String, ticketsSince: Date, selection: ScoringSelection, scope: ScoringScope) async throws -> ScoringData {
        let tenant = SQLValue.text(tenantID)
        func scoped(_ sql: String, _ parameters: [SQLValue], column: String = "contact_id") -> SQLStatement {
            selection.restrict(SQLStatement(sql, parameters), column: column)
        }
        // Some contacts by id: on SQLite, `+tenant_id` keeps the planner on the primary key (without statistics it would
        // walk every contact of the tenant through an index on tenant_id).
        let contactTenant = selection.isAll || database.dialect != .sqlite ? "tenant_id" : "+tenant_id"
        let everything = scope == .everything
        // Engagement is email opens and clicks: the scores need no other message.
        let messages = everything ? "" : " AND channel = 'email' AND (opened_at IS NOT NULL OR clicked_at IS NOT NULL)"
        let contactColumns = everything ? RecordColumns.contact : Self.scoringContactColumns
        let messageColumns = everything ? RecordColumns.message.joined(separator: ", ") : "id, contact_id, opened_at, clicked_at"
        var statements = [
            scoped(
                "SELECT \(contactColumns.joined(separator: ", ")), churn_score FROM contacts WHERE \(contactTenant) = ?", [tenant], column: "id"),
            scoped(
                "SELECT contact_id, placed_at, total - refunded_amount FROM orders WHERE tenant_id = ? AND placed_at IS NOT NULL AND status <> 'cancelled' AND contact_id IS NOT NULL",
                [tenant]),
            scoped("SELECT \(messageColumns) FROM messages WHERE tenant_id = ?\(messages)", [tenant]),
            scoped(
                "SELECT contact_id, occurred_at FROM events WHERE \(EventsTable.tenantMatch) AND type = 'support.ticket_created' AND contact_id IS NOT NULL AND occurred_at >= ?",
                [tenant, .date(ticketsSince)]),
        ]
        if everything {
            statements += [
                scoped(
                    "SELECT contact_id, occurred_at, properties FROM events WHERE \(EventsTable.tenantMatch) AND type = 'message.replied' AND contact_id IS NOT NULL",
                    [tenant]),
                scoped("SELECT contact_id, tier, created_at, score FROM leads WHERE tenant_id = ?", [tenant]),
                scoped(
                    "SELECT contact_id, closed_at FROM tasks WHERE tenant_id = ? AND status = 'done' AND contact_id IS NOT NULL AND closed_at IS NOT NULL",
                    [tenant]),
                scoped("SELECT contact_id, occurred_at FROM events WHERE \(EventsTable.tenantMatch) AND type = 'call.logged' AND contact_id IS NOT NULL", [tenant]),
            ]
        }
        let rows = try await database.read(statements)
        var data = ScoringData()
        let churnColumn = contactColumns.count
        for row in rows[0] {
            let contact = everything ? RecordColumns.contact(row) : Self.scoringContact(row)
            data.contacts.append(contact)
            if let score = row.double(churnColumn) { data.previousChurn[contact.id] = score }
        }
        data.orders = rows[1].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            return ScoringData.Order(contactID: contact, placedAt: at, amount: row.double(2) ?? 0)
        }
        data.messages = everything ? rows[2].map(RecordColumns.message) : rows[2].map(Self.engagementMessage)
        for row in rows[3] {
            if let contact = row.text(0), let at = row.date(1) { data.ticketDates[contact, default: []].append(at) }
        }
        guard everything else { return data }
        data.replies = rows[4].compactMap { row in
            guard let contact = row.text(0), let at = row.date(1) else { return nil }
            let properties = row.eventProperties(2)
            let channel = properties["channel"]?.stringValue.flatMap(Channel.init(rawValue:)) ?? .email
            return ScoringData.Reply(contactID: contact, channel: channel, at: at, messageExternalID: properties["message_id"]?.stringValue)
        }
        data.leads = rows[5].compactMap { row in
            guard let contact = row.text(0), let at = row.date(2) else { return nil }
            return ScoringData.Lead(contactID: contact, tier: row.text(1), createdAt: at, score: row.double(3))
        }
        for row in rows[6] + rows[7] {
            if let contact = row.text(0), let at = row.date(1) { data.personalTouches[contact, default: []].append(at) }
        }
        return data
    }

    static let scoringContactColumns = ["id", "email", "phone", "external_id", "locale", "created_at"]

    /// An email opened or clicked, as the scores read it: who, and when it was opened and clicked.
    static func engagementMessage(_ row: SQLRow) -> MessageRecord {
        MessageRecord(
            id: row.text(0) ?? "", externalID: "", contactID: row.text(1), channel: .email, origin: "", status: .sent, openedAt: row.date(2),
            clickedAt: row.date(3), updatedAt: .distantPast)
    }

    /// A contact as `.scores` reads it: who it is (to name it in a churn alert) and its language (the reasons').
    static func scoringContact(_ row: SQLRow) -> ContactRecord {
        var contact = ContactRecord(id: row.text(0) ?? "", createdAt: row.date(5) ?? Date(timeIntervalSince1970: 0))
        contact.email = row.text(1)
        contact.phone = row.text(2)
        contact.externalID = row.text(3)
        contact.locale = row.text(4)
        return contact
    }

    public func recordScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws {
        guard !scores.isEmpty else { return }
        let writes = Self.scoreUpdates(
            scores, tenantID: tenantID, scoredAt: scoredAt, dialect: database.dialect,
            columns: [
                ("churn_score", { .double($0.churnScore) }), ("churn_band", { .text($0.churnBand) }), ("rfm_segment", { .text($0.rfmSegment) }),
                ("clv", { .double($0.clv) }), ("p_alive", { .double($0.probabilityAlive) }), ("rfm_r", { .integer($0.rfm?.recency) }),
                ("rfm_f", { .integer($0.rfm?.frequency) }), ("rfm_m", { .integer($0.rfm?.monetary) }),
                ("next_order_at", { .date($0.expectedNextOrderAt) }),
            ])
        try await database.transaction(lock: nil, reads: []) { _ in (writes, ()) }
    }

    /// Stores RFM and churn only, leaving lifetime value as the last full scoring left it.
    public func recordChurnScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws {
        guard !scores.isEmpty else { return }
        let writes = Self.scoreUpdates(
            scores, tenantID: tenantID, scoredAt: scoredAt, dialect: database.dialect,
            columns: [
                ("churn_score", { .double($0.churnScore) }), ("churn_band", { .text($0.churnBand) }), ("rfm_segment", { .text($0.rfmSegment) }),
                ("rfm_r", { .integer($0.rfm?.recency) }), ("rfm_f", { .integer($0.rfm?.frequency) }), ("rfm_m", { .integer($0.rfm?.monetary) }),
            ])
        try await database.transaction(lock: nil, reads: []) { _ in (writes, ()) }
    }

    /// `expression` cast to the type of `value` on PostgreSQL; as it is on SQLite.
    static func typed(_ expression: String, like value: SQLValue, dialect: SQLDialect) -> String {
        guard dialect == .postgres else { return expression }
        switch value {
        case .int: return expression + "::bigint"
        case .double: return expression + "::double precision"
        case .text: return expression + "::text"
        }
    }

    /// Scores written two hundred contacts a statement (`WITH v(…) AS (VALUES …) UPDATE … FROM v`, which SQLite and
    /// PostgreSQL both read), instead of one statement per contact: the nightly job writes every customer.
    static func scoreUpdates(
        _ scores: [ContactScore], tenantID: String, scoredAt: Date, dialect: SQLDialect,
        columns: [(name: String, value: @Sendable (ContactScore) -> SQLValue)]
    ) -> [SQLWrite] {
        let names = columns.map(\.name)
        // A column NULL in every row of a chunk has no type on PostgreSQL (it would read as text): say it.
        let assignments = (columns.map { "\($0.name) = " + Self.typed("v.\($0.name)", like: $0.value(scores[0]), dialect: dialect) } + ["scored_at = ?"])
            .joined(separator: ", ")
        return stride(from: 0, to: scores.count, by: 200).map { start in
            let chunk = scores[start..<min(scores.count, start + 200)]
            let rows = Array(repeating: SQLStatement.placeholders(columns.count + 1), count: chunk.count).joined(separator: ", ")
            let sql =
                "WITH v(id, \(names.joined(separator: ", "))) AS (VALUES \(rows)) "
                + "UPDATE contacts SET \(assignments) FROM v WHERE contacts.tenant_id = ? AND contacts.id = v.id"
            let values = chunk.flatMap { score in [SQLValue.text(score.contactID)] + columns.map { $0.value(score) } }
            return .statement(SQLStatement(sql, values + [.date(scoredAt), .text(tenantID)]))
        }
    }

    /// The contacts named by events of `types` after position `after` in the event log (at most `limit` events), and the
    /// position to continue from: the last of those events, or the end of the log when fewer than `limit` matched.
    public func contactsTouched(tenantID: String, types: [String], after: Int64, limit: Int) async throws -> (
        contactIDs: Set<String>, position: Int64, isComplete: Bool
    ) {
        let tenant = SQLValue.text(tenantID)
        let rows = try await database.read([
            SQLStatement(
                "SELECT seq, contact_id FROM events WHERE \(EventsTable.tenantMatch) AND seq > ? AND type IN \(SQLStatement.placeholders(types.count)) ORDER BY seq LIMIT ?",
                [tenant, .int(after)] + types.map { .text($0) } + [.integer(limit)]),
            SQLStatement("SELECT MAX(seq) FROM events WHERE \(EventsTable.tenantMatch)", [tenant]),
        ])
        let contacts = Set(rows[0].compactMap { $0.text(1) })
        let end = rows[1].first?.int(0) ?? after
        let isComplete = !(limit > 0 && rows[0].count >= limit)
        let position = isComplete ? max(after, end) : (rows[0].last?.int(0) ?? after)
        return (contacts, position, isComplete)
    }

    public func recommendationDecisions(tenantID: String) async throws -> [StoredRecommendationDecision] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT recommendation_id, contact_id, status, until_at, decided_at, decided_by FROM recommendation_decisions WHERE tenant_id = ?",
                [.text(tenantID)])
        ])
        return rows[0].map {
            StoredRecommendationDecision(
                recommendationID: $0.text(0) ?? "", contactID: $0.text(1), status: RecommendationDecisionStatus(stored: $0.text(2)),
                until: $0.date(3),
                decidedAt: $0.date(4) ?? .distantPast, decidedBy: $0.text(5))
        }
    }

    public func saveRecommendationDecision(_ decision: StoredRecommendationDecision, tenantID: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let row: [SQLValue] = [
                .text(tenantID), .text(decision.recommendationID), .text(decision.contactID), .text(decision.status.rawValue), .date(decision.until),
                .date(decision.decidedAt), .text(decision.decidedBy),
            ]
            let write = SQLWrite.upsert(
                table: "recommendation_decisions",
                columns: ["tenant_id", "recommendation_id", "contact_id", "status", "until_at", "decided_at", "decided_by"],
                key: ["tenant_id", "recommendation_id"], rows: [row])
            return ([write], ())
        }
    }
}
