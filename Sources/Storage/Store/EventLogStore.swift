import AutopilotCore
import Foundation

/// The event log: what happened, recorded once per idempotency key and projected onto the entities.
public protocol EventLogStore: Sendable {
    /// Records a batch of validated events and projects them onto contacts, carts, orders, products and messages,
    /// all in one transaction. Events whose idempotency key is already known are reported as duplicates.
    func recordEvents(_ events: [IncomingEvent], tenantID: String, receivedAt: Date, ids: any IDGenerator) async throws -> IngestResult
    /// Plans a batch outside its write transaction, with `previous` (planned, maybe still being written) stored before it.
    func planEvents(
        _ events: [IncomingEvent], tenantID: String, receivedAt: Date, ids: any IDGenerator, after previous: PlannedIngest?
    ) async throws -> PlannedIngest
    /// Records a planned batch like `recordEvents`, as planned when the store still holds what it was planned from.
    func recordPlanned(_ planned: PlannedIngest, ids: any IDGenerator) async throws -> IngestResult
    func events(_ query: EventQuery, tenantID: String) async throws -> EventPage
    /// The contacts named by events of `types` after a log position, the position reached, and whether it is the end of
    /// the log (fewer than `limit` such events were left: no need to ask again).
    func contactsTouched(tenantID: String, types: [String], after: Int64, limit: Int) async throws -> (
        contactIDs: Set<String>, position: Int64, isComplete: Bool
    )
}
