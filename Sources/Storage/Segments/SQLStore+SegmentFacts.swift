import AutopilotCore
import Foundation

extension SQLStore {
    private static var factsContactColumns: String {
        (RecordColumns.contact + ["rfm_segment", "rfm_r", "rfm_f", "rfm_m", "churn_band", "churn_score", "clv", "p_alive"])
            .joined(separator: ", ")
    }

    public func segmentFacts(tenantID: String, contactIDs: Set<String>) async throws -> [SegmentFactsRecord] {
        guard !contactIDs.isEmpty else { return [] }
        let tenant = SQLValue.text(tenantID)
        var facts: [SegmentFactsRecord] = []
        let sorted = contactIDs.sorted()
        var start = 0
        while start < sorted.count {
            let chunk = Set(sorted[start..<min(sorted.count, start + 500)])
            let rows = try await database.read(
                [Self.idList("SELECT \(Self.factsContactColumns) FROM contacts WHERE tenant_id = ? AND id", chunk, first: [tenant])]
                    + Self.segmentFactsAuxiliary(tenant: tenant, contactIDs: chunk))
            facts += Self.segmentFacts(rows)
            start += 500
        }
        return facts
    }

    public func segmentFactsPage(tenantID: String, after: String?, limit: Int) async throws -> [SegmentFactsRecord] {
        let tenant = SQLValue.text(tenantID)
        // On SQLite, `+tenant_id` keeps the planner on the primary key: it walks the ids in order and stops at `limit`,
        // instead of sorting every contact of the tenant for each page (a million contacts: a thousand full sorts).
        let tenantColumn = database.dialect == .sqlite ? "+tenant_id" : "tenant_id"
        let page = try await database.read([
            SQLStatement(
                "SELECT \(Self.factsContactColumns) FROM contacts WHERE \(tenantColumn) = ? AND id > ? ORDER BY id LIMIT ?",
                [tenant, .text(after ?? ""), .integer(limit)])
        ])[0]
        guard !page.isEmpty else { return [] }
        let ids = Set(page.compactMap { $0.text(0) })
        let auxiliary = try await database.read(Self.segmentFactsAuxiliary(tenant: tenant, contactIDs: ids))
        return Self.segmentFacts([page] + auxiliary)
    }

    /// The latest lead and the message moments of the contacts: two grouped reads.
    private static func segmentFactsAuxiliary(tenant: SQLValue, contactIDs: Set<String>) -> [SQLStatement] {
        [
            idList(
                "SELECT contact_id, tier, score, created_at FROM leads WHERE tenant_id = ? AND contact_id", contactIDs, first: [tenant],
                closing: " ORDER BY contact_id, created_at, id"),
            idList(
                """
                SELECT contact_id, MAX(CASE WHEN channel = 'email' THEN sent_at END), MAX(CASE WHEN channel = 'email' THEN COALESCE(opened_at, clicked_at) END),
                    MAX(clicked_at), MAX(replied_at)
                FROM messages WHERE tenant_id = ? AND contact_id
                """,
                contactIDs, first: [tenant], closing: " GROUP BY contact_id"),
        ]
    }

    private static func segmentFacts(_ rows: [[SQLRow]]) -> [SegmentFactsRecord] {
        let base = RecordColumns.contact.count
        var leads: [String: (tier: String?, score: Int?)] = [:]
        for row in rows[1] { if let id = row.text(0) { leads[id] = (row.text(1), row.int(2).map { Int($0) }) } }
        var moments: [String: SQLRow] = [:]
        for row in rows[2] { if let id = row.text(0) { moments[id] = row } }
        return rows[0].map { row in
            var facts = SegmentFactsRecord(contact: RecordColumns.contact(row))
            facts.rfmSegment = row.text(base)
            if let r = row.int(base + 1), let f = row.int(base + 2), let m = row.int(base + 3) { facts.rfm = (Int(r), Int(f), Int(m)) }
            facts.churnBand = row.text(base + 4)
            facts.churnScore = row.double(base + 5)
            facts.clv = row.double(base + 6)
            facts.pAlive = row.double(base + 7)
            let id = facts.contact.id
            if let lead = leads[id] {
                facts.leadTier = lead.tier
                facts.leadScore = lead.score
            }
            if let message = moments[id] {
                facts.lastEmailSentAt = message.date(1)
                facts.lastEmailOpenAt = message.date(2)
                facts.lastClickAt = message.date(3)
                facts.lastReplyAt = message.date(4)
            }
            return facts
        }
    }
}
