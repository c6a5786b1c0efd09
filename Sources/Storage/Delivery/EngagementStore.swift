import AutopilotCore
import Foundation

/// When contacts opened and clicked their messages: what send-time optimisation reads.
public protocol EngagementStore: Sendable {
    /// The opens and clicks of these contacts since `since`, by contact id.
    func engagementMoments(tenantID: String, contactIDs: Set<String>, since: Date) async throws -> [String: [Date]]
    /// The tenant's latest opens and clicks since `since`, at most `limit`.
    func tenantEngagementMoments(tenantID: String, since: Date, limit: Int) async throws -> [Date]
}

extension SQLStore {
    public func engagementMoments(tenantID: String, contactIDs: Set<String>, since: Date) async throws -> [String: [Date]] {
        guard !contactIDs.isEmpty else { return [:] }
        let rows = try await database.read([
            Self.idList(
                "SELECT contact_id, opened_at, clicked_at FROM messages WHERE tenant_id = ? AND (opened_at >= ? OR clicked_at >= ?) AND contact_id",
                contactIDs, first: [.text(tenantID), .date(since), .date(since)])
        ])
        var moments: [String: [Date]] = [:]
        for row in rows[0] {
            guard let contact = row.text(0) else { continue }
            // A click is an engagement of its own; an open is counted when there was no click (a click implies the open).
            if let clicked = row.date(2), clicked >= since {
                moments[contact, default: []].append(clicked)
            } else if let opened = row.date(1), opened >= since {
                moments[contact, default: []].append(opened)
            }
        }
        return moments
    }

    public func tenantEngagementMoments(tenantID: String, since: Date, limit: Int) async throws -> [Date] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT COALESCE(clicked_at, opened_at) AS at FROM messages WHERE tenant_id = ? AND COALESCE(clicked_at, opened_at) >= ? ORDER BY at DESC LIMIT ?",
                [.text(tenantID), .date(since), .integer(limit)])
        ])
        return rows[0].compactMap { $0.date(0) }
    }
}
