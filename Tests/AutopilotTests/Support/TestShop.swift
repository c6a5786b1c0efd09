import AutopilotCore
import Engine
import Foundation
import Storage

/// An in-memory store, migrated, with a manual clock at `now`, seeded ids and one tenant: what most engine tests start from.
struct TestShop {
    let store: SQLStore
    let clock: ManualClock
    let dependencies: Dependencies
    let tenantID: String

    static func make(at now: Date, seed: UInt64 = 1) async throws -> TestShop {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: now)
        return try await make(store: store, at: now, seed: seed)
    }

    /// A shop on a store already migrated (the PostgreSQL runs of a test).
    static func make(store: SQLStore, at now: Date, seed: UInt64 = 1) async throws -> TestShop {
        let clock = ManualClock(now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: seed))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        return TestShop(store: store, clock: clock, dependencies: dependencies, tenantID: tenantID)
    }

    /// Ingests envelopes through the pipeline, as the API would.
    func ingest(_ events: [JSONValue]) async throws {
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: tenantID)
    }
}
