import AutopilotCore
import Foundation

/// Finds the message an email reply answers, by the Message-ID our email carried.
public protocol EmailThreadStore: Sendable {
    /// The id of the tenant's outbox message sent with this Message-ID (`<…@…>`), if any. The sender records it as the
    /// start of the message's provider id (`<…@…>;queue-id=…`).
    func outboxMessageID(emailMessageID: String, tenantID: String) async throws -> String?
}

extension SQLStore {
    public func outboxMessageID(emailMessageID: String, tenantID: String) async throws -> String? {
        guard emailMessageID.hasPrefix("<"), emailMessageID.hasSuffix(">"), emailMessageID.count <= 300 else { return nil }
        let rows = try await database.read([
            SQLStatement(
                "SELECT id FROM outbox WHERE tenant_id = ? AND channel = 'email' AND (provider_id = ? OR substr(provider_id, 1, CAST(? AS INTEGER)) = ?) "
                    + "ORDER BY created_at DESC LIMIT 1",
                [.text(tenantID), .text(emailMessageID), .integer(emailMessageID.count + 1), .text(emailMessageID + ";")])
        ])
        return rows[0].first?.text(0)
    }
}
