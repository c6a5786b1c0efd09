import AutopilotCore
import Foundation
import Storage

/// `voice_calls`, over the store's SQL database (SQLite or PostgreSQL, the same statements).
public struct VoiceCallLog: Sendable {
    let database: any SQLDatabase

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The log of the store's database; nil for a store that is not SQL.
    public init?(store: any AutopilotStore) {
        guard let sql = store as? SQLStore else { return nil }
        self.database = sql.database
    }

    static let columns = [
        "tenant_id", "call_id", "contact_id", "phone", "direction", "provider", "language", "status", "reason", "started_at", "ended_at",
        "duration_seconds", "cost_usd", "transcript", "summary", "lead_tier",
    ]

    /// Writes the call (a second write of the same call replaces the first: the key is the tenant and Twilio's call id).
    public func save(_ call: VoiceCallRecord) async throws {
        let write = SQLWrite.upsert(table: "voice_calls", columns: Self.columns, key: ["tenant_id", "call_id"], rows: [Self.row(call)])
        try await database.transaction(lock: call.tenantID, reads: []) { _ in ([write], ()) }
    }

    static func row(_ call: VoiceCallRecord) -> [SQLValue] {
        [
            .text(call.tenantID), .text(call.callID), .text(call.contactID), .text(call.phone),
            .text(call.direction.rawValue), .text(call.provider), .text(call.language.rawValue), .text(call.status.rawValue),
            .text(call.reason), .date(call.startedAt), .date(call.endedAt), .integer(call.durationSeconds),
            .double(call.costUSD), .text(call.transcriptJSON), .text(call.summary), .text(call.leadTier),
        ]
    }

    public func call(_ callID: String, tenantID: String) async throws -> VoiceCallRecord? {
        let rows = try await database.read([
            SQLStatement("SELECT \(Self.columns.joined(separator: ", ")) FROM voice_calls WHERE tenant_id = ? AND call_id = ?", [.text(tenantID), .text(callID)])
        ])
        return rows.first?.first.map(Self.record)
    }

    /// The tenant's calls started in `from..<to`, newest first (at most `limit`).
    public func calls(tenantID: String, from: Date, to: Date, limit: Int = 100) async throws -> [VoiceCallRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.columns.joined(separator: ", ")) FROM voice_calls WHERE tenant_id = ? AND started_at >= ? AND started_at < ? "
                    + "ORDER BY started_at DESC, call_id LIMIT ?", [.text(tenantID), .date(from), .date(to), .integer(limit)])
        ])
        return rows.first?.map(Self.record) ?? []
    }

    /// Seconds of calls the tenant had in `from..<to`.
    public func seconds(tenantID: String, from: Date, to: Date) async throws -> Int {
        let rows = try await database.read([
            SQLStatement(
                "SELECT CAST(COALESCE(SUM(duration_seconds), 0) AS BIGINT) FROM voice_calls WHERE tenant_id = ? AND started_at >= ? AND started_at < ?",
                [.text(tenantID), .date(from), .date(to)])
        ])
        return Int(rows.first?.first?.int(0) ?? 0)
    }

    /// When the outbound calls to `phone` in `from..<to` started — placed, or being placed: the call cap.
    public func outboundStarts(tenantID: String, phone: String, from: Date, to: Date) async throws -> [Date] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT started_at FROM voice_calls WHERE tenant_id = ? AND phone = ? AND direction = 'outbound' "
                    + "AND (status = 'placed' OR (status = 'in_progress' AND reason = 'placing')) AND started_at >= ? AND started_at < ?",
                [.text(tenantID), .text(phone), .date(from), .date(to)])
        ])
        return rows.first?.compactMap { $0.date(0) } ?? []
    }

    /// Writes the call unless a call with its id is already there; returns the row that is there afterwards (this one,
    /// or the one written first — two requests with one idempotency key place one call).
    public func insertIfAbsent(_ call: VoiceCallRecord) async throws -> VoiceCallRecord {
        let select = SQLStatement(
            "SELECT \(Self.columns.joined(separator: ", ")) FROM voice_calls WHERE tenant_id = ? AND call_id = ?", [.text(call.tenantID), .text(call.callID)])
        let row = Self.row(call)
        return try await database.transaction(lock: call.tenantID, reads: [select]) { rows in
            if let existing = rows.first?.first.map(Self.record) { return ([], existing) }
            return ([.insert(table: "voice_calls", columns: Self.columns, rows: [row], conflict: "ON CONFLICT (tenant_id, call_id) DO NOTHING")], call)
        }
    }

    static func record(_ row: SQLRow) -> VoiceCallRecord {
        VoiceCallRecord(
            tenantID: row.text(0) ?? "", callID: row.text(1) ?? "", contactID: row.text(2), phone: row.text(3),
            direction: row.text(4).flatMap(CallDirection.init(rawValue:)) ?? .inbound, provider: row.text(5),
            language: row.text(6).flatMap(VoiceLanguage.init(rawValue:)) ?? .english,
            status: row.text(7).flatMap(VoiceCallRecord.Status.init(rawValue:)) ?? .failed, reason: row.text(8),
            startedAt: row.date(9) ?? Date(timeIntervalSince1970: 0), endedAt: row.date(10), durationSeconds: Int(row.int(11) ?? 0),
            costUSD: row.double(12) ?? 0, transcript: VoiceCallRecord.transcript(fromJSON: row.text(13) ?? "[]"), summary: row.text(14),
            leadTier: row.text(15))
    }
}
