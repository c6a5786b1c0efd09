import Foundation

/// Where one CRM's sync stands, shared by every worker: its last success and error, and how long it is paused after an outage
/// or a rate-limit answer (`outages` in a row set the pause's backoff).
public struct CRMSyncStateRecord: Sendable, Equatable {
    public var crm: String
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var outages: Int
    public var pausedUntil: Date?
    public var updatedAt: Date

    public init(
        crm: String, lastSuccessAt: Date? = nil, lastError: String? = nil, lastErrorAt: Date? = nil, outages: Int = 0, pausedUntil: Date? = nil,
        updatedAt: Date
    ) {
        self.crm = crm
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.outages = outages
        self.pausedUntil = pausedUntil
        self.updatedAt = updatedAt
    }

    static let columns = ["crm", "last_success_at", "last_error", "last_error_at", "outages", "paused_until", "updated_at"]

    var values: [SQLValue] {
        [.text(crm), .date(lastSuccessAt), .text(lastError), .date(lastErrorAt), .integer(outages), .date(pausedUntil), .date(updatedAt)]
    }

    init(row: SQLRow) {
        self.init(
            crm: row.text(0) ?? "", lastSuccessAt: row.date(1), lastError: row.text(2), lastErrorAt: row.date(3), outages: Int(row.int(4) ?? 0),
            pausedUntil: row.date(5), updatedAt: row.date(6) ?? Date(timeIntervalSince1970: 0))
    }
}
