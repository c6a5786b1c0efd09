import AutopilotCore
import Foundation

extension SQLStore {
    static let segmentColumns = [
        "tenant_id", "id", "name", "condition", "time_dependent", "generation", "filled", "sweep_after", "swept_at", "created_at",
        "updated_at",
    ]

    static func segment(_ row: SQLRow) -> SegmentRecord {
        SegmentRecord(
            tenantID: row.text(0) ?? "", id: row.text(1) ?? "", name: row.text(2) ?? "", condition: row.text(3) ?? "",
            timeDependent: row.bool(4) ?? false, createdAt: row.date(9) ?? Date(timeIntervalSince1970: 0),
            updatedAt: row.date(10) ?? Date(timeIntervalSince1970: 0), generation: row.int(5) ?? 0, filled: row.bool(6) ?? false,
            sweepAfter: row.text(7), sweptAt: row.date(8))
    }

    public func segments(tenantID: String) async throws -> [SegmentRecord] {
        let rows = try await database.read([
            SQLStatement("SELECT \(Self.segmentColumns.joined(separator: ", ")) FROM segments WHERE tenant_id = ? ORDER BY id", [.text(tenantID)])
        ])
        return rows[0].map(Self.segment)
    }

    public func segment(tenantID: String, id: String) async throws -> SegmentRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.segmentColumns.joined(separator: ", ")) FROM segments WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])
        ])
        return rows[0].first.map(Self.segment)
    }

    public func saveSegment(_ segment: SegmentRecord) async throws -> Bool {
        let read = SQLStatement(
            "SELECT \(Self.segmentColumns.joined(separator: ", ")) FROM segments WHERE tenant_id = ? AND id = ?",
            [.text(segment.tenantID), .text(segment.id)])
        return try await database.transaction(lock: "segments:" + segment.tenantID, reads: [read]) { rows in
            var saved = segment
            let existing = rows[0].first.map(Self.segment)
            if let existing {
                saved.createdAt = existing.createdAt
                saved.generation = existing.generation
                let same = existing.condition == segment.condition
                saved.filled = same && existing.filled
                saved.sweepAfter = same ? existing.sweepAfter : nil
                saved.sweptAt = same ? existing.sweptAt : nil
            } else {
                saved.filled = false
                saved.sweepAfter = nil
                saved.sweptAt = nil
            }
            let values: [SQLValue] = [
                .text(saved.tenantID), .text(saved.id), .text(saved.name), .text(saved.condition), .bool(saved.timeDependent),
                .int(saved.generation), .bool(saved.filled), .text(saved.sweepAfter), .date(saved.sweptAt), .date(saved.createdAt),
                .date(saved.updatedAt),
            ]
            return ([.upsert(table: "segments", columns: Self.segmentColumns, key: ["tenant_id", "id"], rows: [values])], existing == nil)
        }
    }

    public func deleteSegment(tenantID: String, id: String) async throws -> Bool {
        let tenant = SQLValue.text(tenantID)
        let read = SQLStatement("SELECT 1 FROM segments WHERE tenant_id = ? AND id = ?", [tenant, .text(id)])
        return try await database.transaction(lock: "segments:" + tenantID, reads: [read]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            return (
                [
                    .statement(SQLStatement("DELETE FROM segment_members WHERE tenant_id = ? AND segment_id = ?", [tenant, .text(id)])),
                    .statement(SQLStatement("DELETE FROM segments WHERE tenant_id = ? AND id = ?", [tenant, .text(id)])),
                ], true
            )
        }
    }

    public func segmentMemberCounts(tenantID: String) async throws -> [String: Int] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT segment_id, COUNT(*) FROM segment_members WHERE tenant_id = ? AND member = 1 GROUP BY segment_id", [.text(tenantID)])
        ])
        var counts: [String: Int] = [:]
        for row in rows[0] { if let id = row.text(0) { counts[id] = Int(row.int(1) ?? 0) } }
        return counts
    }

    public func segmentMembers(tenantID: String, segmentID: String, after: String?, limit: Int) async throws -> [SegmentMemberContact] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT m.contact_id, c.email, c.phone, m.changed_at FROM segment_members m JOIN contacts c ON c.id = m.contact_id AND c.tenant_id = m.tenant_id
                WHERE m.tenant_id = ? AND m.segment_id = ? AND m.member = 1 AND m.contact_id > ? ORDER BY m.contact_id LIMIT ?
                """,
                [.text(tenantID), .text(segmentID), .text(after ?? ""), .integer(limit)])
        ])
        return rows[0].map {
            SegmentMemberContact(contactID: $0.text(0) ?? "", email: $0.text(1), phone: $0.text(2), since: $0.date(3) ?? Date(timeIntervalSince1970: 0))
        }
    }

    public func segmentMemberStates(tenantID: String, segmentIDs: [String], contactIDs: Set<String>) async throws -> [SegmentMemberRow] {
        guard !segmentIDs.isEmpty, !contactIDs.isEmpty else { return [] }
        let segments = SQLStatement.placeholders(segmentIDs.count)
        let rows = try await database.read([
            Self.idList(
                "SELECT segment_id, contact_id, member, transitions, changed_at FROM segment_members WHERE tenant_id = ? AND segment_id IN \(segments) AND contact_id",
                contactIDs, first: [.text(tenantID)] + segmentIDs.map { .text($0) })
        ])
        return rows[0].map {
            SegmentMemberRow(
                segmentID: $0.text(0) ?? "", contactID: $0.text(1) ?? "", member: $0.bool(2) ?? false, transitions: Int($0.int(3) ?? 0),
                changedAt: $0.date(4) ?? Date(timeIntervalSince1970: 0))
        }
    }

    public func recordSegmentMembers(tenantID: String, rows: [SegmentMemberRow], sweeps: [SegmentSweepProgress]) async throws {
        let tenant = SQLValue.text(tenantID)
        try await database.transaction(lock: "segments:" + tenantID, reads: []) { _ in
            var writes: [SQLWrite] = []
            if !rows.isEmpty {
                writes.append(
                    .upsert(
                        table: "segment_members", columns: ["tenant_id", "segment_id", "contact_id", "member", "transitions", "changed_at"],
                        key: ["tenant_id", "segment_id", "contact_id"],
                        rows: rows.map { [tenant, .text($0.segmentID), .text($0.contactID), .bool($0.member), .integer($0.transitions), .date($0.changedAt)] }))
            }
            for sweep in sweeps {
                let sql =
                    sweep.after == nil
                    ? "UPDATE segments SET filled = 1, sweep_after = NULL, swept_at = ? WHERE tenant_id = ? AND id = ?"
                    : "UPDATE segments SET sweep_after = ? WHERE tenant_id = ? AND id = ?"
                let first: SQLValue = sweep.after.map { .text($0) } ?? .date(sweep.at)
                writes.append(.statement(SQLStatement(sql, [first, tenant, .text(sweep.segmentID)])))
            }
            return (writes, ())
        }
    }
}
