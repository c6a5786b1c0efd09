import AutopilotCore
import DemoShop
import Engine
import Foundation
import Storage
import Testing

/// A batch is planned before its write transaction, batch n+1 while batch n is written (`IngestChain`). In the
/// transaction the snapshot is read again: the batch is written as planned only when it is the one it was planned from,
/// and planned again there when not. Either way the store ends as if each batch had been planned in its transaction.
@Suite("Ingest — batches planned before their write")
struct PlannedIngestTests {
    /// A real SQLite file (its reader and its writer are separate connections), removed afterwards.
    static func withSQLiteFile<Result: Sendable>(_ body: @Sendable (SQLStore) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("planned-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("autopilot.sqlite").path))
        try await store.migrate(now: Fixtures.now)
        return try await body(store)
    }

    static func onBothStores(_ body: @escaping @Sendable (SQLStore) async throws -> Void) async throws {
        try await withSQLiteFile(body)
        if TestDatabases.postgresURL != nil { try await TestDatabases.withPostgres(body) }
    }

    /// What a tenant's store holds, without the ids Autopilot made (they differ between two tenants fed the same events).
    static func fingerprint(_ store: SQLStore, tenantID: String) async throws -> [String] {
        let tenant = SQLValue.text(tenantID)
        let contactOf = "(SELECT COALESCE(c.email, c.phone, c.external_id) FROM contacts c WHERE c.id = x.contact_id)"
        let statements = [
            SQLStatement(
                "SELECT email, phone, external_id, first_name, orders_count, total_spent, first_order_at, last_order_at, created_at, updated_at, "
                    + "consent_email, attributes FROM contacts x WHERE tenant_id = ? ORDER BY email, phone, external_id", [tenant]),
            SQLStatement(
                "SELECT external_id, \(contactOf), status, value, lines, updated_at, abandoned_at, closed_at, order_external_id FROM carts x "
                    + "WHERE tenant_id = ? ORDER BY external_id", [tenant]),
            SQLStatement(
                "SELECT external_id, \(contactOf), status, total, refunded_amount, placed_at, fulfilled_at, delivered_at, updated_at FROM orders x "
                    + "WHERE tenant_id = ? ORDER BY external_id", [tenant]),
            SQLStatement(
                "SELECT external_id, \(contactOf), status, sent_at, delivered_at, opened_at, clicked_at, updated_at FROM messages x "
                    + "WHERE tenant_id = ? ORDER BY external_id", [tenant]),
            SQLStatement("SELECT sku, title, price, previous_price, updated_at FROM products WHERE tenant_id = ? ORDER BY sku", [tenant]),
            SQLStatement(
                "SELECT type, occurred_at, idempotency_key, \(contactOf) FROM events x WHERE tenant_key = (SELECT tenant_key FROM tenant_keys "
                    + "WHERE tenant_id = ?) ORDER BY seq", [tenant]),
        ]
        return try await store.database.read(statements).enumerated().flatMap { table, rows in
            rows.map { row in "\(table): " + row.values.indices.map { row.text($0) ?? "∅" }.joined(separator: " | ") }
        }
    }

    static func tenants(_ store: SQLStore) async throws -> (IngestPipeline, String, String) {
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 5))
        let tenants = TenantService(dependencies: dependencies)
        let chained = try await tenants.create(name: "Planned ahead").tenantID
        let reference = try await tenants.create(name: "Planned in the transaction").tenantID
        return (IngestPipeline(dependencies: dependencies), chained, reference)
    }

    @Test func aDemoShopHistoryPlannedAheadEndsAsPlannedInEachTransaction() async throws {
        try await Self.onBothStores { store in
            let (pipeline, chained, reference) = try await Self.tenants(store)
            let configuration = DemoShopConfiguration(seed: 3, contacts: 120, now: Fixtures.now, historyDays: 120)
            let batches = try DemoShop(configuration).batches(size: 150).map {
                try pipeline.reader.read(["events": .array($0)], now: Fixtures.now)
            }
            #expect(batches.count > 4)
            var chain = IngestChain(pipeline: pipeline, tenantID: chained)
            var results: [IngestResult] = []
            for events in batches {
                if let result = try await chain.add(events) { results.append(result) }
                _ = try await pipeline.record(events, tenantID: reference)
            }
            if let result = try await chain.finish() { results.append(result) }
            #expect(results.count == batches.count)
            #expect(results.map { $0.accepted.count + $0.duplicates.count } == batches.map(\.count))
            // Consecutive batches share contacts, carts and orders: each saw the batch before it as it would be stored.
            #expect(chain.writtenAsPlanned == batches.count && chain.plannedAgain == 0)
            let planned = try await Self.fingerprint(store, tenantID: chained)
            let inTransaction = try await Self.fingerprint(store, tenantID: reference)
            #expect(planned.count > 1_000)
            #expect(planned == inTransaction)
        }
    }

    static func order(_ id: String, total: Double, email: String = "ana@shop.example") throws -> IncomingEvent {
        try EventValidator().validate(
            Fixtures.envelope(
                "order.placed", key: "order-\(id)", contact: ["email": .string(email)],
                properties: [
                    "order_id": .string(id), "total": .double(total), "currency": "EUR",
                    "lines": [["sku": "TEA-1", "quantity": 1, "price": .double(total)]],
                ]), now: Fixtures.now)
    }

    @Test func aBatchWhoseSnapshotChangedIsPlannedAgainInItsTransaction() async throws {
        try await Self.onBothStores { store in
            let (pipeline, tenantID, _) = try await Self.tenants(store)
            // Nothing in between: written as planned, with the ids it was planned with.
            let first = try await pipeline.plan([try Self.order("A", total: 10)], tenantID: tenantID, after: nil)
            let firstResult = try await pipeline.record(first)
            #expect(firstResult.accepted.map(\.id) == first.plannedEventIDs)
            // Planned, then the same contact orders again through another request before the planned batch is written.
            let second = try await pipeline.plan([try Self.order("B", total: 20)], tenantID: tenantID, after: nil)
            _ = try await pipeline.record([try Self.order("C", total: 40)], tenantID: tenantID)
            let secondResult = try await pipeline.record(second)
            #expect(secondResult.accepted.count == 1)
            #expect(secondResult.accepted.map(\.id) != second.plannedEventIDs, "planned again from what the transaction read")
            let contact = try await store.database.read([
                SQLStatement("SELECT orders_count, total_spent FROM contacts WHERE tenant_id = ? AND email = ?", [.text(tenantID), .text("ana@shop.example")])
            ])[0]
            #expect(contact.first?.int(0) == 3)
            #expect(contact.first?.double(1) == 70)
            // A batch planned on top of one that then failed is planned again, not written from the failed one's records.
            let failed = try await pipeline.plan([try Self.order("D", total: 5, email: "new@shop.example")], tenantID: tenantID, after: nil)
            let next = try await pipeline.plan([try Self.order("E", total: 6, email: "new@shop.example")], tenantID: tenantID, after: failed)
            let nextResult = try await pipeline.record(next)
            #expect(nextResult.accepted.map(\.id) != next.plannedEventIDs)
            let newcomer = try await store.database.read([
                SQLStatement("SELECT orders_count, total_spent FROM contacts WHERE tenant_id = ? AND email = ?", [.text(tenantID), .text("new@shop.example")])
            ])[0]
            #expect(newcomer.first?.int(0) == 1)
            #expect(newcomer.first?.double(1) == 6)
        }
    }

    @Test func aDuplicateStoredAfterPlanningIsAnsweredAsADuplicate() async throws {
        try await Self.onBothStores { store in
            let (pipeline, tenantID, _) = try await Self.tenants(store)
            let planned = try await pipeline.plan([try Self.order("A", total: 10)], tenantID: tenantID, after: nil)
            let direct = try await pipeline.record([try Self.order("A", total: 10)], tenantID: tenantID)
            let result = try await pipeline.record(planned)
            #expect(result.accepted.isEmpty)
            #expect(result.duplicates.map(\.id) == direct.accepted.map(\.id))
            let orders = try await store.database.read([SQLStatement("SELECT count(*) FROM orders WHERE tenant_id = ?", [.text(tenantID)])])[0]
            #expect(orders.first?.int(0) == 1)
        }
    }
}
