import AutopilotCore
import Foundation

/// The CRM sync's durable queue and state. Each operation is one transaction.
public protocol CRMStore: Sendable {
    /// Reads the tenant's next `lead.qualified` and `order.placed` events after the `crm:<crm>` cursor (up to `limit`), lets `plan`
    /// turn them into outbox rows, inserts those (a row already there for the same event and kind is left alone) and moves the
    /// cursor, in one transaction. Returns how many events were read.
    func enqueueCRMRecords(
        tenantID: String, crm: String, limit: Int, plan: @escaping @Sendable (CRMEventBatch) -> [CRMOutboxRecord]
    ) async throws -> Int

    /// Claims up to `limit` queued rows of one CRM and kind due at `now` (any tenant, oldest due first) for `lease` seconds.
    func claimDueCRMRecords(crm: String, kind: String, now: Date, limit: Int, lease: TimeInterval) async throws -> [CRMOutboxRecord]

    /// Saves rows by id (their outcome after an attempt).
    func saveCRMRecords(_ records: [CRMOutboxRecord]) async throws

    /// The tenant's rows of one CRM and kind for these record keys, oldest first.
    func crmRecords(crm: String, kind: String, tenantID: String, keys: Set<String>) async throws -> [CRMOutboxRecord]

    /// Rows of one CRM by status, all tenants.
    func crmStatusCounts(crm: String) async throws -> [String: Int]

    /// The CRM's shared sync state, nil before its first attempt.
    func crmSyncState(crm: String) async throws -> CRMSyncStateRecord?
    func saveCRMSyncState(_ state: CRMSyncStateRecord) async throws

    /// Queues failed rows again (one CRM, or all when nil) with fresh attempts, due at `now`. Returns how many.
    func retryFailedCRMRecords(crm: String?, now: Date) async throws -> Int
}
