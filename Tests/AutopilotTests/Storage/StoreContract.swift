import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import Testing

/// The storage contract, written once and run on every backend (SQLite always, PostgreSQL when configured).
enum StoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case migrationsAreIdempotent
    case recordsEventsAndProjectsEntities
    case duplicatesAreNoOps
    case eventsArePagedWithACursor
    case tenantsNeverMeet
    case aFailedTransactionWritesNothing
    case concurrentBatchesShareContacts
    case summaryCountsWhatIsStored
    case anOrderWithoutCartConvertsTheStoredOpenCart

    var testDescription: String { rawValue }

    func run(_ store: SQLStore) async throws {
        switch self {
        case .migrationsAreIdempotent: try await migrationsAreIdempotent(store)
        case .recordsEventsAndProjectsEntities: try await recordsEventsAndProjectsEntities(store)
        case .duplicatesAreNoOps: try await duplicatesAreNoOps(store)
        case .eventsArePagedWithACursor: try await eventsArePagedWithACursor(store)
        case .tenantsNeverMeet: try await tenantsNeverMeet(store)
        case .aFailedTransactionWritesNothing: try await aFailedTransactionWritesNothing(store)
        case .concurrentBatchesShareContacts: try await concurrentBatchesShareContacts(store)
        case .summaryCountsWhatIsStored: try await summaryCountsWhatIsStored(store)
        case .anOrderWithoutCartConvertsTheStoredOpenCart: try await anOrderWithoutCartConvertsTheStoredOpenCart(store)
        }
    }

    private func tenant(_ store: SQLStore, _ name: String = "Shop") async throws -> (id: String, key: String) {
        let created = try await TenantService(dependencies: Dependencies(store: store, clock: ManualClock(Fixtures.now))).create(name: name)
        return (created.tenantID, created.apiKey)
    }

    private func record(_ store: SQLStore, _ tenantID: String, _ events: [IncomingEvent]) async throws -> IngestResult {
        try await store.recordEvents(events, tenantID: tenantID, receivedAt: Fixtures.now, ids: RandomIDGenerator())
    }

    private func migrationsAreIdempotent(_ store: SQLStore) async throws {
        #expect(try await store.migrate(now: Fixtures.now) == [])
        let status = try await store.schemaStatus()
        #expect(status.isCurrent && status.currentVersion == Migrations.latestVersion)
    }

    private func recordsEventsAndProjectsEntities(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        _ = try await record(
            store, shop.id,
            [
                try Fixtures.event("contact.created", at: "2026-02-01T10:00:00Z", properties: ["first_name": "Amina", "consents": ["email": true]]),
                try Fixtures.event("cart.updated", at: "2026-03-01T09:00:00Z", properties: ["cart_id": "k1", "value": 48, "currency": "EUR"]),
            ])
        let result = try await record(
            store, shop.id,
            [
                try EventValidator().validate(Fixtures.orderPlaced, now: Fixtures.now),
                try Fixtures.event("order.fulfilled", at: "2026-03-02T10:00:00Z", properties: ["order_id": "1001", "tracking_number": "T-1"]),
            ])
        #expect(result.accepted.count == 2 && result.duplicates.isEmpty)
        let id = try #require(try await store.contactID(email: "a@example.com", tenantID: shop.id))
        let detail = try #require(try await store.contactDetail(id: id, tenantID: shop.id))
        #expect(detail.contact.firstName == "Amina")
        #expect(detail.contact.phone == "+33612345678" && detail.contact.externalID == "c-1")
        #expect(detail.contact.consents["email"]?.granted == true)
        #expect(detail.contact.ordersCount == 1 && detail.contact.totalSpent == 48)
        #expect(detail.orders.map(\.status) == ["fulfilled"])
        #expect(detail.orders.first?.lines == [OrderLine(sku: "TEA-01", quantity: 2, price: 24)])
        #expect(detail.orders.first?.fulfilledAt == "2026-03-02T10:00:00Z")
        #expect(detail.carts.map(\.status) == ["converted"])
        #expect(detail.recentEvents.map(\.type) == ["order.fulfilled", "order.placed", "cart.updated", "contact.created"])
        let order = try await store.order(externalOrID: "1001", tenantID: shop.id)
        #expect(order?.trackingNumber == "T-1")
    }

    private func duplicatesAreNoOps(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        let event = try EventValidator().validate(Fixtures.orderPlaced, now: Fixtures.now)
        let first = try await record(store, shop.id, [event])
        let second = try await record(store, shop.id, [event, event])
        #expect(second.accepted.isEmpty)
        #expect(second.duplicates.map(\.id) == [first.accepted[0].id, first.accepted[0].id])
        #expect(second.duplicates.first?.idempotencyKey == "shop-order-1001")
        let summary = try await store.summary(tenantID: shop.id)
        #expect(summary.events == 1 && summary.orders == 1 && summary.revenue == 48)
    }

    private func eventsArePagedWithACursor(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        let events = try (0..<7).map { index in
            try Fixtures.event(
                index % 2 == 0 ? "wishlist.added" : "support.ticket_created", at: "2026-03-0\(index + 1)T10:00:00Z",
                contact: ["email": .string(index < 5 ? "a@example.com" : "b@example.com")],
                properties: ["sku": .string("S\(index)"), "ticket_id": .string("T\(index)")])
        }
        _ = try await record(store, shop.id, events)
        var seen: [String] = []
        var cursor: Int64?
        repeat {
            let page = try await store.events(EventQuery(limit: 3, before: cursor), tenantID: shop.id)
            seen += page.events.map(\.occurredAt)
            cursor = page.nextCursor.flatMap(EventCursor.decode)
            #expect(page.events.count == 3 || cursor == nil)
        } while cursor != nil
        #expect(seen == (1...7).reversed().map { "2026-03-0\($0)T10:00:00Z" })
        let wishes = try await store.events(EventQuery(type: .wishlistAdded), tenantID: shop.id)
        #expect(wishes.events.count == 4)
        let contact = try #require(try await store.contactID(email: "b@example.com", tenantID: shop.id))
        #expect(try await store.events(EventQuery(contactID: contact), tenantID: shop.id).events.count == 2)
    }

    private func tenantsNeverMeet(_ store: SQLStore) async throws {
        let first = try await tenant(store, "First")
        let second = try await tenant(store, "Second")
        let event = try EventValidator().validate(Fixtures.orderPlaced, now: Fixtures.now)
        let one = try await record(store, first.id, [event])
        let two = try await record(store, second.id, [event])
        #expect(one.accepted.count == 1 && two.accepted.count == 1)
        let firstContact = try #require(try await store.contactID(email: "a@example.com", tenantID: first.id))
        let secondContact = try #require(try await store.contactID(email: "a@example.com", tenantID: second.id))
        #expect(firstContact != secondContact)
        #expect(try await store.contactDetail(id: firstContact, tenantID: second.id) == nil)
        let firstOrder = try #require(try await store.order(externalOrID: "1001", tenantID: first.id))
        #expect(try await store.order(externalOrID: firstOrder.id, tenantID: second.id) == nil)
        #expect(try await store.events(EventQuery(contactID: firstContact), tenantID: second.id).events.isEmpty)
        #expect(try await store.tenantID(apiKeyHash: APIKey.hash(first.key)) == first.id)
        #expect(try await store.tenantID(apiKeyHash: APIKey.hash(second.key)) == second.id)
        #expect(try await store.tenantID(apiKeyHash: APIKey.hash("ap_unknown")) == nil)
    }

    private func aFailedTransactionWritesNothing(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        await #expect(throws: (any Error).self) {
            try await store.database.transaction(lock: nil, reads: [SQLStatement("SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?", [.text(shop.id)])]) { rows in
                let key = SQLValue.int(rows[0].first?.int(0))
                let good: [SQLValue] = [
                    key, .text("ev_1"), .text("wishlist.added"), .int(1), .int(1), .text("k1"), .text(nil), .text("{}"),
                ]
                let bad: [SQLValue] = [key, .text("ev_2"), .text("wishlist.added"), .int(1), .int(1), .text("k2"), .text(nil), .text(nil)]
                return (
                    [
                        .insert(
                            table: "events",
                            columns: ["tenant_key", "id", "type", "occurred_at", "received_at", "idempotency_key", "contact_id", "properties"],
                            rows: [good, bad], conflict: "")
                    ], ()
                )
            }
        }
        #expect(try await store.summary(tenantID: shop.id).events == 0)
    }

    private func concurrentBatchesShareContacts(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    let events = try (0..<25).map { index in
                        try Fixtures.event(
                            "wishlist.added", key: "w\(worker)-\(index)", contact: ["email": .string("shared\(index)@example.com")],
                            properties: ["sku": .string("S\(worker)")])
                    }
                    _ = try await record(store, shop.id, events)
                }
            }
            try await group.waitForAll()
        }
        let summary = try await store.summary(tenantID: shop.id)
        #expect(summary.contacts == 25)
        #expect(summary.events == 100 && summary.wishlistItems == 100)
    }

    private func anOrderWithoutCartConvertsTheStoredOpenCart(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        _ = try await record(
            store, shop.id,
            [
                try Fixtures.event("cart.updated", at: "2026-03-01T08:00:00Z", properties: ["cart_id": "k1", "value": 30, "currency": "EUR"])
            ])
        _ = try await record(
            store, shop.id,
            [
                try Fixtures.event("order.placed", properties: ["order_id": "9", "lines": [], "total": 30, "currency": "EUR"])
            ])
        #expect(try await store.summary(tenantID: shop.id).cartsByStatus == ["converted": 1])
    }

    private func summaryCountsWhatIsStored(_ store: SQLStore) async throws {
        let shop = try await tenant(store)
        _ = try await record(
            store, shop.id,
            [
                try Fixtures.event("lead.created", properties: ["lead_id": "L1", "company": "ACME", "message": "Budget 800€/mois"]),
                try Fixtures.event("product.updated", contact: nil, properties: ["sku": "TEA-01", "title": "Thé", "price": 24, "currency": "EUR"]),
                try Fixtures.event("review.submitted", properties: ["sku": "TEA-01", "rating": 4, "has_photo": true]),
                try Fixtures.event("review.submitted", key: "r2", contact: ["email": "b@example.com"], properties: ["sku": "TEA-01", "rating": 2]),
                try Fixtures.event("cart.abandoned", contact: ["email": "c@example.com"], properties: ["cart_id": "k9"]),
            ])
        let summary = try await store.summary(tenantID: shop.id)
        #expect(summary.contacts == 3 && summary.leads == 1 && summary.products == 1 && summary.reviews == 2)
        #expect(summary.averageRating == 3)
        #expect(summary.cartsByStatus == ["abandoned": 1])
    }
}

@Suite("Storage contract — SQLite")
struct SQLiteStoreContractTests {
    @Test(arguments: StoreContract.allCases)
    func contract(_ check: StoreContract) async throws {
        try await TestDatabases.withSQLite { try await check.run($0) }
    }

    @Test func aDatabaseFileSurvivesReopening() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeFiles(of: path) }
        let tenantID = try await DatabaseConfiguration.sqlite(path: path).withStore(logger: .init(label: "test")) { store in
            try await store.migrate(now: Fixtures.now)
            let created = try await TenantService(dependencies: Dependencies(store: store)).create(name: "Shop")
            _ = try await store.recordEvents(
                [try EventValidator().validate(Fixtures.orderPlaced, now: Fixtures.now)], tenantID: created.tenantID, receivedAt: Fixtures.now,
                ids: RandomIDGenerator())
            return created.tenantID
        }
        let summary = try await DatabaseConfiguration.sqlite(path: path).withStore(logger: .init(label: "test")) { store in
            try await store.summary(tenantID: tenantID)
        }
        #expect(summary.orders == 1 && summary.events == 1)
    }
}

@Suite("Storage contract — PostgreSQL", .enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresStoreContractTests {
    @Test(arguments: StoreContract.allCases)
    func contract(_ check: StoreContract) async throws {
        try await TestDatabases.withPostgres { try await check.run($0) }
    }
}
