import AutopilotCore
import Foundation

/// Batches planned before their write transaction (`IngestChain`): planned from a snapshot read outside the tenant's
/// lock, written as planned when the transaction reads the same snapshot (docs/architecture.md, "Concurrency").
extension SQLStore {
    /// Plans a batch before its write transaction, outside the tenant's lock: its snapshot read on a reader, with
    /// `previous`'s records on top when that batch is still being written (it is then stored before this one).
    /// `recordPlanned` writes it as planned when the transaction reads the same snapshot, and plans it again there when
    /// not. Lets a caller with batches in a row plan batch n+1 while batch n is written (`IngestPipeline.ingest(bodies:)`).
    public func planEvents(
        _ events: [IncomingEvent], tenantID: String, receivedAt: Date, ids: any IDGenerator, after previous: PlannedIngest?
    ) async throws -> PlannedIngest {
        let batch = IngestBatch(events: events, tenantID: tenantID, receivedAt: receivedAt)
        let reads = SnapshotReads(lookups: batch.lookups, tenantID: tenantID, dialect: database.dialect)
        let statements = [EventsTable.tenantKeyRead(tenantID)] + reads.statements
        let rows: [[SQLRow]]
        if let postgres = database as? PostgresDatabase {
            rows = try await postgres.readCombined(statements)
        } else {
            rows = try await database.read(statements)
        }
        guard let tenantKey = rows[0].first?.int(0) else { throw UnknownTenant(tenantID: tenantID) }
        var snapshot = reads.snapshot(from: Array(rows.dropFirst()))
        if let previous, previous.batch.tenantID == tenantID {
            snapshot = snapshot.overlaid(with: previous.written, for: batch.lookups)
        }
        snapshot = snapshot.canonical
        let plan = IngestPlanner.plan(events, snapshot: snapshot, ids: ids, receivedAt: receivedAt)
        return PlannedIngest(
            batch: batch, tenantKey: tenantKey, snapshot: snapshot, plan: plan,
            writes: PlanWrites.writes(for: plan, tenantID: tenantID, tenantKey: tenantKey), written: PlanWrites.readBack(plan))
    }

    /// Writes a batch planned by `planEvents`: as planned when the transaction reads the snapshot it was planned from,
    /// else planned again from what the transaction read (`ids` then names its new rows).
    public func recordPlanned(_ planned: PlannedIngest, ids: any IDGenerator) async throws -> IngestResult {
        guard !planned.batch.events.isEmpty else { return IngestResult() }
        return try await record(planned.batch, planned: planned, ids: ids)
    }
}

/// A batch planned before its write transaction (`SQLStore.planEvents`), with the snapshot it was planned from.
public struct PlannedIngest: Sendable {
    let batch: IngestBatch
    let tenantKey: Int64
    /// Canonical: compared with the snapshot the write transaction reads.
    let snapshot: IngestSnapshot
    let plan: IngestPlan
    let writes: [SQLWrite]
    /// The plan's records as the store reads them back once written, and its keys: what a batch planned next sees.
    let written: IngestSnapshot

    /// The ids the plan gives the batch's accepted events, in order (a batch planned again gets others).
    public var plannedEventIDs: [String] {
        plan.outcomes.compactMap { if case .accepted(let id) = $0 { id } else { nil } }
    }
}

extension PlanWrites {
    /// The plan's records as the store reads them back once written (through the same columns: dates to the
    /// millisecond, JSON parsed again), and the keys of its events.
    static func readBack(_ plan: IngestPlan) -> IngestSnapshot {
        let tenant = ""  // not read back into a record
        var written = IngestSnapshot()
        for event in plan.events { if let key = event.idempotencyKey { written.existingKeys[key] = event.id } }
        written.contacts = plan.contacts.map { RecordColumns.contact(SQLRow(RecordColumns.values($0, tenant: tenant))) }
        written.carts = plan.carts.map { RecordColumns.cart(SQLRow(RecordColumns.values($0, tenant: tenant))) }
        written.orders = plan.orders.map { RecordColumns.order(SQLRow(RecordColumns.values($0, tenant: tenant))) }
        written.products = plan.products.map { RecordColumns.product(SQLRow(RecordColumns.values($0, tenant: tenant))) }
        written.messages = plan.messages.map { RecordColumns.message(SQLRow(RecordColumns.values($0, tenant: tenant))) }
        return written
    }
}
