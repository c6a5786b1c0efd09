import AutopilotCore
import Foundation

extension SQLStore {
    /// The event types the CRM sync reads.
    static let crmEventTypes = ["lead.qualified", "order.placed"]

    public func enqueueCRMRecords(
        tenantID: String, crm: String, limit: Int, plan: @escaping @Sendable (CRMEventBatch) -> [CRMOutboxRecord]
    ) async throws -> Int {
        let tenant = SQLValue.text(tenantID)
        let cursorName = "crm:" + crm
        let types = Self.crmEventTypes
        let eventsRead = SQLStatement(
            """
            SELECT seq, \(RecordColumns.event.joined(separator: ", ")) FROM events
            WHERE \(EventsTable.tenantMatch) AND type IN \(SQLStatement.placeholders(types.count))
            AND seq > COALESCE((SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = ?), 0) ORDER BY seq LIMIT ?
            """,
            [tenant] + types.map { .text($0) } + [tenant, .text(cursorName), .integer(limit)])
        let last = SQLStatement("SELECT MAX(seq) FROM events WHERE \(EventsTable.tenantMatch)", [tenant])
        let cursor = SQLStatement("SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = ?", [tenant, .text(cursorName)])
        let people: @Sendable ([[SQLRow]]) throws -> [SQLStatement] = { rows in
            let contacts = Set(rows[0].compactMap(RecordColumns.event).compactMap { $0.record.contactID })
            return [
                Self.inList("SELECT \(RecordColumns.contact.joined(separator: ", ")) FROM contacts WHERE tenant_id = ? AND id", tenant, contacts),
                Self.inList(
                    "SELECT contact_id, external_id, company FROM leads WHERE tenant_id = ? AND contact_id", tenant, contacts,
                    closing: " ORDER BY created_at"),
            ]
        }
        return try await database.transaction(lock: "crm:\(crm):\(tenantID)", reads: [eventsRead, last, cursor], followUps: [people]) { rows in
            let events = rows[0].compactMap(RecordColumns.event)
            let position = rows[2].first?.int(0) ?? 0
            // A short batch read everything of interest: the cursor may jump to the tenant's last event.
            let end = events.count < limit ? max(rows[1].first?.int(0) ?? 0, events.last?.seq ?? 0) : (events.last?.seq ?? 0)
            guard end > position else { return ([], events.count) }
            var batch = CRMEventBatch(tenantID: tenantID, events: events, contacts: [:])
            for row in rows[3] {
                let contact = RecordColumns.contact(row)
                batch.contacts[contact.id] = contact
            }
            for row in rows[4] {
                guard let contact = row.text(0) else { continue }
                if let lead = row.text(1) { batch.contactLeads[contact] = lead }
                guard let company = row.text(2) else { continue }
                batch.contactCompanies[contact] = company
                if let lead = row.text(1) { batch.leadCompanies[lead] = company }
            }
            let records = events.isEmpty ? [] : plan(batch)
            var writes: [SQLWrite] = []
            if !records.isEmpty {
                writes.append(
                    .insert(
                        table: "crm_outbox", columns: CRMOutboxRecord.columns, rows: records.map(\.values),
                        conflict: "ON CONFLICT (tenant_id, crm, source_event_id, kind) DO NOTHING"))
            }
            writes.append(
                .upsert(
                    table: "flow_cursors", columns: ["tenant_id", "name", "position"], key: ["tenant_id", "name"],
                    rows: [[tenant, .text(cursorName), .int(end)]]))
            return (writes, events.count)
        }
    }

    public func claimDueCRMRecords(crm: String, kind: String, now: Date, limit: Int, lease: TimeInterval) async throws -> [CRMOutboxRecord] {
        let skipLocked = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let claim = SQLStatement(
            """
            SELECT \(CRMOutboxRecord.columns.joined(separator: ", ")) FROM crm_outbox
            WHERE crm = ? AND kind = ? AND status = '\(CRMOutboxStatus.queued.rawValue)' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?\(skipLocked)
            """,
            [.text(crm), .text(kind), .date(now), .integer(limit)])
        return try await database.transaction(lock: nil, reads: [claim]) { rows in
            let records = rows[0].map(CRMOutboxRecord.init(row:))
            guard !records.isEmpty else { return ([], []) }
            let leaseEnd = SQLValue.date(now.addingTimeInterval(lease))
            let writes = [
                SQLWrite.statement(
                    Self.idList("UPDATE crm_outbox SET next_attempt_at = ? WHERE id", Set(records.map(\.id)), first: [leaseEnd]))
            ]
            return (writes, records)
        }
    }

    public func saveCRMRecords(_ records: [CRMOutboxRecord]) async throws {
        guard !records.isEmpty else { return }
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.upsert(table: "crm_outbox", columns: CRMOutboxRecord.columns, key: ["id"], rows: records.map(\.values))], ())
        }
    }

    public func crmRecords(crm: String, kind: String, tenantID: String, keys: Set<String>) async throws -> [CRMOutboxRecord] {
        guard !keys.isEmpty else { return [] }
        let statement = Self.idList(
            "SELECT \(CRMOutboxRecord.columns.joined(separator: ", ")) FROM crm_outbox WHERE tenant_id = ? AND crm = ? AND kind = ? AND record_key",
            keys, first: [.text(tenantID), .text(crm), .text(kind)], closing: " ORDER BY created_at, id")
        return try await database.read([statement])[0].map(CRMOutboxRecord.init(row:))
    }

    public func crmStatusCounts(crm: String) async throws -> [String: Int] {
        let rows = try await database.read([SQLStatement("SELECT status, COUNT(*) FROM crm_outbox WHERE crm = ? GROUP BY status", [.text(crm)])])
        var counts: [String: Int] = [:]
        for row in rows[0] { if let status = row.text(0) { counts[status] = Int(row.int(1) ?? 0) } }
        return counts
    }

    public func crmSyncState(crm: String) async throws -> CRMSyncStateRecord? {
        let rows = try await database.read([
            SQLStatement("SELECT \(CRMSyncStateRecord.columns.joined(separator: ", ")) FROM crm_sync_state WHERE crm = ?", [.text(crm)])
        ])
        return rows[0].first.map(CRMSyncStateRecord.init(row:))
    }

    public func saveCRMSyncState(_ state: CRMSyncStateRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.upsert(table: "crm_sync_state", columns: CRMSyncStateRecord.columns, key: ["crm"], rows: [state.values])], ())
        }
    }

    public func retryFailedCRMRecords(crm: String?, now: Date) async throws -> Int {
        let failedRows = "status = '\(CRMOutboxStatus.failed.rawValue)'"
        let filter = crm == nil ? failedRows : failedRows + " AND crm = ?"
        let binds: [SQLValue] = crm.map { [.text($0)] } ?? []
        let count = SQLStatement("SELECT COUNT(*) FROM crm_outbox WHERE \(filter)", binds)
        return try await database.transaction(lock: nil, reads: [count]) { rows in
            let failed = Int(rows[0].first?.int(0) ?? 0)
            let update = SQLStatement(
                "UPDATE crm_outbox SET status = '\(CRMOutboxStatus.queued.rawValue)', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE \(filter)",
                [.date(now), .date(now)] + binds)
            return (failed == 0 ? [] : [.statement(update)], failed)
        }
    }
}
