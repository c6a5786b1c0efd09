import AutopilotCore
import Engine
import Flows
import Foundation
import Storage
import Testing

/// The worker over many tenants (docs/tenants.md): a round reads every tenant's activity at once and visits only the tenants
/// with work, and keeps their flow catalogs until their state changes — yet a tenant that becomes busy is served in the next
/// round, a change made through the store (as another process would) is seen by the next round, nothing runs twice, and
/// no tenant's work ever lands in another's. Written once, run on both stores.
enum ManyTenantsContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case aBusyTenantAmongAThousandIsServedInTheNextRound
    case aChangeOfStateIsSeenByTheNextRound

    var testDescription: String { rawValue }

    static let now = Fixtures.date("2026-03-10T10:00:00Z")

    func run(_ store: SQLStore) async throws {
        switch self {
        case .aBusyTenantAmongAThousandIsServedInTheNextRound: try await aBusyTenantAmongAThousandIsServedInTheNextRound(store)
        case .aChangeOfStateIsSeenByTheNextRound: try await aChangeOfStateIsSeenByTheNextRound(store)
        }
    }

    /// `count` tenants `tenant-0000`…, created together.
    private func tenants(_ store: SQLStore, _ count: Int, from first: Int = 0) async throws -> [String] {
        var ids: [String] = []
        for number in first..<(first + count) {
            let id = String(format: "tenant-%04d", number)
            try await store.createTenant(TenantRecord(id: id, name: "Shop \(number)", createdAt: Self.now), apiKeyHash: "hash-" + id, keyPrefix: "ap_" + id)
            ids.append(id)
        }
        return ids
    }

    private func cart(_ key: String, at: String) -> JSONValue {
        Fixtures.envelope(
            "cart.updated", at: at, key: key, contact: ["email": .string("\(key)@example.com")],
            properties: ["cart_id": .string(key), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR"])
    }

    private func ingest(_ events: [JSONValue], _ dependencies: Dependencies, tenantID: String) async throws {
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: tenantID)
    }

    /// Rows per tenant of a table, read straight from the database.
    private func perTenant(_ store: SQLStore, _ table: String, where condition: String = "1 = 1") async throws -> [String: Int] {
        // The events table carries the tenant's key (migration 42, docs/storage.md).
        let sql =
            table == "events"
            ? "SELECT k.tenant_id, COUNT(*) FROM events JOIN tenant_keys k ON k.tenant_key = events.tenant_key WHERE \(condition) GROUP BY k.tenant_id"
            : "SELECT tenant_id, COUNT(*) FROM \(table) WHERE \(condition) GROUP BY tenant_id"
        let rows = try await store.database.read([SQLStatement(sql)])
        return Dictionary(uniqueKeysWithValues: rows[0].map { ($0.text(0) ?? "", Int($0.int(1) ?? 0)) })
    }

    private func aBusyTenantAmongAThousandIsServedInTheNextRound(_ store: SQLStore) async throws {
        let ids = try await tenants(store, 1_000)
        let clock = ManualClock(Self.now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 18))
        let worker = try TestWorker.make(dependencies)
        #expect(try await worker.runDue(now: Self.now) == FlowPassReport(), "a thousand idle tenants: nothing to do")
        #expect(try await worker.runDue(now: Self.now.addingTimeInterval(1)) == FlowPassReport())

        // One tenant gets an event: the next round routes it, in that tenant only.
        let busy = ids[537]
        try await ingest([cart("k1", at: "2026-03-10T10:00:00Z")], dependencies, tenantID: busy)
        #expect(try await worker.runDue(now: Self.now.addingTimeInterval(2)).eventsRouted >= 1)
        #expect(try await store.tenantActivity().work.values.filter(\.hasUnroutedEvents).isEmpty)

        // Its cart falls due: abandoned, routed and its flow started in the same sweep, for that tenant alone.
        let abandonedAt = Self.now.addingTimeInterval(31 * 60)
        let swept = try await worker.runDue(now: abandonedAt)
        #expect(swept.cartsAbandoned == 1)
        #expect(swept.eventsRouted >= 1)
        #expect(try await perTenant(store, "flow_runs") == [busy: 1])
        #expect(Set(try await perTenant(store, "events").keys) == [busy])

        // Its timer falls due: the step runs at the next round, once.
        let wake = try #require(try await worker.nextDue())
        #expect(wake > abandonedAt && wake <= abandonedAt.addingTimeInterval(20 * 60), "the first wait of the abandoned-cart flow")
        let fired = try await worker.runDue(now: wake)
        #expect(fired.timersFired >= 1)
        let runs = try await perTenant(store, "flow_runs")
        let events = try await perTenant(store, "events")
        let actions = try await perTenant(store, "flow_actions")
        let outbox = try await perTenant(store, "outbox")
        #expect(Set(runs.keys) == [busy] && Set(events.keys) == [busy] && Set(outbox.keys).isSubset(of: [busy]) && Set(actions.keys).isSubset(of: [busy]))
        let again = try await worker.runDue(now: wake)
        #expect(again.timersFired == 0 && again.messagesDispatched == 0 && again.eventsRouted == 0, "nothing runs twice")
        #expect(try await perTenant(store, "outbox") == outbox)
        #expect(try await perTenant(store, "events") == events)
    }

    private func aChangeOfStateIsSeenByTheNextRound(_ store: SQLStore) async throws {
        let ids = try await tenants(store, 20)
        let (off, on) = (ids[3], ids[4])
        let clock = ManualClock(Self.now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 19))
        let worker = try TestWorker.make(dependencies)
        #expect(try await worker.runDue(now: Self.now) == FlowPassReport())
        let cached = try #require(try await worker.catalogs().first { $0.tenantID == off })
        #expect(cached.live.contains { $0.id == "abandoned-cart" })
        #expect(cached.experiments.tenantHoldoutPercent == 0)

        // Written straight into the store, as `autopilot flows disable` or `settings set` in another process would.
        let version = try #require(try FlowLibrary.flow(id: "abandoned-cart")).version
        try await store.setFlowEnabled(tenantID: off, flowID: "abandoned-cart", version: version, enabled: false, at: Self.now)
        try await store.setTenantSetting(FlowExperimentSettings.holdoutSetting, to: "10", tenantID: on, now: Self.now)
        let catalogs = Dictionary(uniqueKeysWithValues: try await worker.catalogs().map { ($0.tenantID, $0) })
        #expect(catalogs[off]?.live.contains { $0.id == "abandoned-cart" } == false)
        #expect(catalogs[on]?.experiments.tenantHoldoutPercent == 10)
        #expect(catalogs[ids[5]]?.live.contains { $0.id == "abandoned-cart" } == true, "another tenant's flows are its own")

        // A tenant created after the worker's first rounds is served too.
        let late = try await tenants(store, 1, from: 20)[0]
        for tenantID in [off, on, late] { try await ingest([cart("k-" + tenantID, at: "2026-03-10T10:00:00Z")], dependencies, tenantID: tenantID) }
        let swept = try await worker.runDue(now: Self.now.addingTimeInterval(31 * 60))
        #expect(swept.cartsAbandoned == 3)
        #expect(try await perTenant(store, "flow_runs", where: "flow_id = 'abandoned-cart'") == [on: 1, late: 1], "the flow turned off starts nothing")

        // Turned on again: the next cart starts it.
        try await store.setFlowEnabled(tenantID: off, flowID: "abandoned-cart", version: version, enabled: true, at: Self.now)
        try await ingest([cart("k2-" + off, at: "2026-03-10T10:40:00Z")], dependencies, tenantID: off)
        _ = try await worker.runDue(now: Self.now.addingTimeInterval(71 * 60))
        #expect(try await perTenant(store, "flow_runs", where: "flow_id = 'abandoned-cart'") == [off: 1, on: 1, late: 1])
    }
}

@Suite("Many tenants — SQLite")
struct SQLiteManyTenantsTests {
    @Test(arguments: ManyTenantsContract.allCases)
    func contract(_ check: ManyTenantsContract) async throws {
        try await TestDatabases.withSQLite { try await check.run($0) }
    }
}

@Suite("Many tenants — PostgreSQL", .enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresManyTenantsTests {
    @Test(arguments: ManyTenantsContract.allCases)
    func contract(_ check: ManyTenantsContract) async throws {
        try await TestDatabases.withPostgres { try await check.run($0) }
    }
}
