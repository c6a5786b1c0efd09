import AutopilotCore
import DemoShop
import Engine
import Foundation
import Storage
import Testing

/// `ingest(bodies:)` reads batch n+1 while batch n is written: the same outcome as one batch after the other.
@Suite("Ingest pipeline — batches overlapped")
struct OverlappedIngestTests {
    func pipeline() async throws -> (IngestPipeline, String) {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 7))
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Shop")
        return (IngestPipeline(dependencies: dependencies), tenant.tenantID)
    }

    static func body(_ events: [JSONValue]) -> [UInt8] { Array(JSONValue.object(["events": .array(events)]).jsonString.utf8) }

    static func wish(_ index: Int, email: String) -> JSONValue {
        Fixtures.envelope("wishlist.added", key: "w\(index)", contact: ["email": .string(email)], properties: ["sku": .string("SKU-\(index)")])
    }

    @Test func everyBatchIsRecordedInOrderWithItsDuplicates() async throws {
        let (pipeline, tenantID) = try await pipeline()
        let bodies = (0..<6).map { batch in
            Self.body((0..<5).map { Self.wish(batch * 3 + $0, email: "c\($0)@shop.example") })
        }
        let results = try await pipeline.ingest(bodies: bodies, tenantID: tenantID)
        #expect(results.map(\.accepted.count) == [5, 3, 3, 3, 3, 3])
        #expect(results.map(\.duplicates.count) == [0, 2, 2, 2, 2, 2])
        let summary = try await TenantQueries(dependencies: pipeline.dependencies, tenantID: tenantID).summary()
        #expect(summary.events == 20 && summary.contacts == 5)
    }

    @Test func aBadBatchStopsTheRestAndKeepsWhatCameBefore() async throws {
        let (pipeline, tenantID) = try await pipeline()
        let bad = Self.body([Fixtures.envelope("wishlist.added", at: "not a date")])
        let bodies = [Self.body([Self.wish(1, email: "a@shop.example")]), bad, Self.body([Self.wish(2, email: "b@shop.example")])]
        await #expect(throws: ValidationError.self) { try await pipeline.ingest(bodies: bodies, tenantID: tenantID) }
        let events = try await TenantQueries(dependencies: pipeline.dependencies, tenantID: tenantID).events(EventQuery()).events
        #expect(events.map(\.idempotencyKey) == ["w1"])
    }
}
