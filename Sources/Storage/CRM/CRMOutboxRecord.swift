import AutopilotCore
import Foundation

/// One contact or deal waiting for (or done with) a CRM: `queued` with its next attempt, `sent` with the CRM's id for it, or
/// `failed` with the last error once its attempts ran out.
public struct CRMOutboxRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    /// `hubspot` or `pipedrive`.
    public var crm: String
    /// `contact` or `deal`.
    public var kind: String
    /// The email of a contact, `lead:…`/`order:…` for a deal.
    public var recordKey: String
    public var sourceEventID: String
    public var payload: JSONObject
    public var status: CRMOutboxStatus
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var remoteID: String?
    public var lastError: String?
    public var sentAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    /// A new queued row, due at once; its id is derived from the source event, so the same event never enqueues twice.
    public init(tenantID: String, crm: String, kind: String, recordKey: String, sourceEventID: String, payload: JSONObject, now: Date) {
        self.init(
            id: "crm_\(crm)_\(kind)_\(tenantID)_\(sourceEventID)", tenantID: tenantID, crm: crm, kind: kind, recordKey: recordKey,
            sourceEventID: sourceEventID,
            payload: payload, status: .queued, attempts: 0, nextAttemptAt: now, remoteID: nil, lastError: nil, sentAt: nil, createdAt: now,
            updatedAt: now)
    }

    public init(
        id: String, tenantID: String, crm: String, kind: String, recordKey: String, sourceEventID: String, payload: JSONObject,
        status: CRMOutboxStatus,
        attempts: Int, nextAttemptAt: Date?, remoteID: String?, lastError: String?, sentAt: Date?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.crm = crm
        self.kind = kind
        self.recordKey = recordKey
        self.sourceEventID = sourceEventID
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.remoteID = remoteID
        self.lastError = lastError
        self.sentAt = sentAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "id", "tenant_id", "crm", "kind", "record_key", "source_event_id", "payload", "status", "attempts", "next_attempt_at", "remote_id",
        "last_error", "sent_at", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(crm), .text(kind), .text(recordKey), .text(sourceEventID), .json(payload), .text(status.rawValue),
            .integer(attempts), .date(nextAttemptAt), .text(remoteID), .text(lastError), .date(sentAt), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            id: row.text(0) ?? "", tenantID: row.text(1) ?? "", crm: row.text(2) ?? "", kind: row.text(3) ?? "", recordKey: row.text(4) ?? "",
            sourceEventID: row.text(5) ?? "", payload: row.json(6), status: CRMOutboxStatus(stored: row.text(7)), attempts: Int(row.int(8) ?? 0),
            nextAttemptAt: row.date(9), remoteID: row.text(10), lastError: row.text(11), sentAt: row.date(12),
            createdAt: row.date(13) ?? Date(timeIntervalSince1970: 0), updatedAt: row.date(14) ?? Date(timeIntervalSince1970: 0))
    }
}
