import AutopilotCore
import Foundation

extension SQLStore {
    /// Events are appended in `seq` order as they are received, so the oldest are the lowest: a batch reads the tenant's
    /// first `limit` events by `seq` and deletes the leading ones received before `cutoff` (no scan past the first young one).
    public func pruneEvents(tenantID: String, receivedBefore cutoff: Date, limit: Int) async throws -> Int {
        try await database.transaction(
            lock: nil,
            reads: [SQLStatement("SELECT seq, received_at FROM events WHERE \(EventsTable.tenantMatch) ORDER BY seq LIMIT \(max(limit, 1))", [.text(tenantID)])]
        ) { rows in
            let old = Self.leadingOld(rows[0], cutoff: cutoff)
            guard let last = old.last else { return ([], 0) }
            let delete = SQLStatement("DELETE FROM events WHERE \(EventsTable.tenantMatch) AND seq <= ?", [.text(tenantID), .int(last)])
            return ([.statement(delete)], old.count)
        }
    }

    public func pruneMessageContents(tenantID: String, before cutoff: Date, limit: Int) async throws -> Int {
        let batch = max(limit, 1)
        return try await database.transaction(
            lock: nil,
            reads: [
                SQLStatement(
                    """
                    SELECT id FROM outbox WHERE tenant_id = ? AND created_at < ? AND (recipient IS NOT NULL OR body IS NOT NULL) \
                    AND status NOT IN ('queued', 'blocked') ORDER BY created_at LIMIT \(batch)
                    """, [.text(tenantID), .date(cutoff)]),
                SQLStatement("SELECT seq, occurred_at FROM message_events WHERE tenant_id = ? ORDER BY seq LIMIT \(batch)", [.text(tenantID)]),
            ]
        ) { rows in
            var writes: [SQLWrite] = []
            let ids = rows[0].compactMap { $0.text(0) }
            if !ids.isEmpty {
                writes.append(.statement(SQLStatement(
                    "UPDATE outbox SET recipient = NULL, subject = NULL, body = NULL WHERE tenant_id = ? AND id IN \(SQLStatement.placeholders(ids.count))",
                    [.text(tenantID)] + ids.map { .text($0) })))
            }
            let timeline = Self.leadingOld(rows[1], cutoff: cutoff)
            if let last = timeline.last {
                writes.append(.statement(SQLStatement("DELETE FROM message_events WHERE tenant_id = ? AND seq <= ?", [.text(tenantID), .int(last)])))
            }
            return (writes, ids.count + timeline.count)
        }
    }

    public func pruneConversationContents(tenantID: String, before cutoff: Date, limit: Int) async throws -> Int {
        let batch = max(limit, 1)
        return try await database.transaction(
            lock: nil,
            reads: [
                SQLStatement(
                    """
                    SELECT m.id FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id \
                    WHERE c.tenant_id = ? AND c.updated_at < ? LIMIT \(batch)
                    """, [.text(tenantID), .date(cutoff)]),
                SQLStatement(
                    "SELECT call_id FROM voice_calls WHERE tenant_id = ? AND started_at < ? AND (transcript <> '' OR summary IS NOT NULL) LIMIT \(batch)",
                    [.text(tenantID), .date(cutoff)]),
            ]
        ) { rows in
            var writes: [SQLWrite] = []
            let messages = rows[0].compactMap { $0.text(0) }
            if !messages.isEmpty {
                writes.append(.statement(SQLStatement(
                    "DELETE FROM conversation_messages WHERE tenant_id = ? AND id IN \(SQLStatement.placeholders(messages.count))",
                    [.text(tenantID)] + messages.map { .text($0) })))
            }
            let calls = rows[1].compactMap { $0.text(0) }
            if !calls.isEmpty {
                writes.append(.statement(SQLStatement(
                    "UPDATE voice_calls SET transcript = '', summary = NULL WHERE tenant_id = ? AND call_id IN \(SQLStatement.placeholders(calls.count))",
                    [.text(tenantID)] + calls.map { .text($0) })))
            }
            return (writes, messages.count + calls.count)
        }
    }

    public func reclaimFreePages(_ pages: Int) async throws -> Int? {
        guard database.dialect == .sqlite else { return nil }
        let before = try await database.read([SQLStatement("PRAGMA freelist_count")])[0].first?.int(0) ?? 0
        guard before > 0 else { return 0 }
        try await database.executeScriptOutsideTransaction("PRAGMA incremental_vacuum(\(max(pages, 1)))")
        let after = try await database.read([SQLStatement("PRAGMA freelist_count")])[0].first?.int(0) ?? 0
        return Int(before - after)
    }

    /// The `seq` of the leading rows (`seq`, time) whose time is before `cutoff`, up to the first that is not.
    static func leadingOld(_ rows: [SQLRow], cutoff: Date) -> [Int64] {
        var old: [Int64] = []
        let limit = Int64((cutoff.timeIntervalSince1970 * 1000).rounded())
        for row in rows {
            guard let seq = row.int(0), let time = row.int(1), time < limit else { break }
            old.append(seq)
        }
        return old
    }
}
